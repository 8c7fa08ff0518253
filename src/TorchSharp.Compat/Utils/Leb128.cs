namespace TorchSharp.Utils
{
    /// <summary>Unsigned LEB128 integers, the count encoding of TorchSharp's state-dictionary format.</summary>
    internal static class Leb128
    {
        internal static void Encode(BinaryWriter writer, long value)
        {
            var v = (ulong)value;
            do
            {
                var b = (byte)(v & 0x7F);
                v >>= 7;
                writer.Write(v != 0 ? (byte)(b | 0x80) : b);
            }
            while (v != 0);
        }

        internal static long Decode(BinaryReader reader)
        {
            ulong result = 0;
            var shift = 0;
            while (true)
            {
                var b = reader.ReadByte();
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return (long)result;
                }
                shift += 7;
                if (shift > 63)
                {
                    throw new InvalidDataException("Malformed LEB128 integer: the file is not a TorchSharp state dictionary.");
                }
            }
        }
    }

    /// <summary>One tensor in TorchSharp's binary format: dtype, rank, dimensions (LEB128), then the raw elements.</summary>
    internal static class TensorFormat
    {
        internal static void Write(BinaryWriter writer, torch.Tensor tensor)
        {
            Leb128.Encode(writer, (long)tensor.dtype);
            var shape = tensor.shape;
            Leb128.Encode(writer, shape.Length);
            foreach (var d in shape)
            {
                Leb128.Encode(writer, d);
            }
            writer.Write(tensor.bytes);
        }

        /// <summary>Reads one tensor; copies it into <paramref name="target"/> when given, after checking type and shape.</summary>
        internal static void ReadInto(BinaryReader reader, torch.Tensor target, string key)
        {
            var dtype = (torch.ScalarType)Leb128.Decode(reader);
            var rank = Leb128.Decode(reader);
            if (rank < 0 || rank > 16)
            {
                throw new InvalidDataException($"Entry '{key}' has an impossible rank {rank}: the file is corrupt.");
            }
            var shape = new long[rank];
            long count = 1;
            for (var i = 0; i < rank; i++)
            {
                shape[i] = Leb128.Decode(reader);
                count *= shape[i];
            }
            using var probe = torch.empty(Array.Empty<long>(), dtype);
            var bytes = reader.ReadBytes(checked((int)(count * probe.ElementSize)));
            if (bytes.Length != count * probe.ElementSize)
            {
                throw new InvalidDataException($"Entry '{key}' is truncated: the file is corrupt.");
            }
            if (target is null)
            {
                return;
            }
            if (target.dtype != dtype || !target.shape.SequenceEqual(shape))
            {
                throw new InvalidDataException(
                    $"Entry '{key}' is {dtype} [{string.Join(", ", shape)}] in the file but {target.dtype} [{string.Join(", ", target.shape)}] in the module.");
            }
            using (torch.no_grad())
            {
                using var loaded = torch.empty(shape, dtype);
                loaded.bytes = bytes;
                target.copy_(loaded);
            }
        }
    }
}
