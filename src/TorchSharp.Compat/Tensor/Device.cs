namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>A device description such as "cpu" or "cuda:0".</summary>
        public class Device
        {
            public Device(string description)
            {
                var parts = description.Split(':');
                type = ParseType(parts[0]);
                index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
            }

            public Device(string deviceType, int index = -1)
            {
                type = ParseType(deviceType);
                this.index = index;
            }

            public Device(DeviceType deviceType, int index = -1)
            {
                type = deviceType;
                this.index = index;
            }

            /// <summary>The device index, -1 when unspecified.</summary>
            public int index { get; }

            /// <summary>The device kind.</summary>
            public DeviceType type { get; }

            public static implicit operator Device(string description) => new Device(description);

            public override string ToString() => index < 0 ? type.ToString().ToLowerInvariant() : $"{type.ToString().ToLowerInvariant()}:{index}";

            private static DeviceType ParseType(string name) => name.ToLowerInvariant() switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                "mps" => DeviceType.MPS,
                "meta" => DeviceType.META,
                _ => throw new ArgumentException($"Unknown device type '{name}'. Expected cpu, cuda, mps or meta.", nameof(name)),
            };

            internal static void EnsureCpu(Device device)
            {
                if (device is not null && device.type != DeviceType.CPU)
                {
                    throw new NotSupportedException($"Device '{device}' is not available: this build of TorchSharp runs on the CPU only.");
                }
            }
        }

        /// <summary>The CPU device.</summary>
        public static readonly Device CPU = new Device(DeviceType.CPU, -1);
    }
}
