using Regularizers.Core.IO;
using Regularizers.Core.Sampling;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>
/// The file format of saved ensembles: a magic string naming the kind, the combination rule and class count, then per
/// member its in-bag rows, out-of-bag rows, features and the model's state dictionary (TorchSharp's format).
/// </summary>
internal static class EnsembleFile
{
    public const string Classifier = "Regularizers.Torch.Ensembles.BaggingEnsemble/1";
    public const string Regressor = "Regularizers.Torch.Ensembles.BaggingRegressor/1";

    public static void Write(string path, string kind, int combination, int classCount, IReadOnlyList<BaggingMember> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(kind);
            writer.Write(combination);
            writer.Write(classCount);
            writer.Write(members.Count);
            foreach (var m in members)
            {
                WriteInts(writer, m.Sample.InBag);
                WriteInts(writer, m.Sample.OutOfBag);
                WriteInts(writer, m.Sample.Features);
                m.Model.save(writer);
            }
        });
    }

    public static (int Combination, int ClassCount, List<BaggingMember> Members) Read(string path, string kind, Func<int, nn.Module<Tensor, Tensor>> createModel)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var members = new List<BaggingMember>();
        try
        {
            var found = reader.ReadString();
            if (found != kind)
            {
                throw new InvalidDataException($"'{path}' is not a saved {(kind == Classifier ? "BaggingEnsemble" : "BaggingRegressor")}.");
            }
            var combination = reader.ReadInt32();
            var classCount = reader.ReadInt32();
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var sample = new BootstrapSample(ReadInts(reader), ReadInts(reader), ReadInts(reader));
                var model = createModel(sample.Features.Length);
                model.load(reader);
                members.Add(new BaggingMember(model, sample, new TrainingHistory()));
            }
            return (combination, classCount, members);
        }
        catch (EndOfStreamException e)
        {
            members.ForEach(m => m.Dispose());
            throw new InvalidDataException($"'{path}' is not a complete saved ensemble: {e.Message}", e);
        }
        catch (InvalidDataException)
        {
            members.ForEach(m => m.Dispose());
            throw;
        }
    }

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > 100_000_000)
        {
            throw new InvalidDataException($"Impossible array length {length}: the file is corrupt.");
        }
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = reader.ReadInt32();
        }
        return values;
    }
}
