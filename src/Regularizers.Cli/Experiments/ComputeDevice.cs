using System.Globalization;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// The device <c>--device</c> names: <c>cpu</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c>. A GPU needs a TorchSharp
/// CUDA package in place of TorchSharp-cpu; without one, or with fewer GPUs than named, parsing says so.
/// </summary>
internal static class ComputeDevice
{
    /// <summary>The default.</summary>
    public const string Cpu = "cpu";

    /// <summary>What <c>--device</c> accepts.</summary>
    public const string Allowed = "cpu, cuda or cuda:N";

    /// <summary>Checks <paramref name="text"/> and returns it in canonical form (<c>cuda</c> becomes <c>cuda:0</c>).</summary>
    /// <exception cref="FormatException">Not a device name, or a GPU that this machine or this TorchSharp package cannot use.</exception>
    public static string Parse(string text)
    {
        if (text == Cpu)
        {
            return Cpu;
        }
        var parts = text.Split(':', 2);
        var index = 0;
        if (parts[0] != "cuda" || (parts.Length == 2 && !(int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out index))))
        {
            throw new FormatException($"--device must be {Allowed}. Received: {text}.");
        }
        if (!cuda.is_available())
        {
            throw new FormatException(
                $"--device {text}: CUDA is not available to TorchSharp here. A GPU run needs an NVIDIA driver and TorchSharp's CUDA " +
                "package (TorchSharp-cuda-linux or TorchSharp-cuda-windows) in place of TorchSharp-cpu; use --device cpu otherwise.");
        }
        var count = cuda.device_count();
        return index < count
            ? FormattableString.Invariant($"cuda:{index}")
            : throw new FormatException(FormattableString.Invariant($"--device {text}: this machine has {count} CUDA device(s), numbered from 0."));
    }

    /// <summary>The TorchSharp device for a name <see cref="Parse"/> returned.</summary>
    public static Device Of(string name) => new(name);
}
