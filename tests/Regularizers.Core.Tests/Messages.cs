namespace Regularizers.Core.Tests;

/// <summary>The full <see cref="Exception.Message"/> texts of the framework's argument exceptions.</summary>
internal static class Messages
{
    /// <summary>An <see cref="ArgumentOutOfRangeException"/> message: ours, the parameter, then the actual value.</summary>
    public static string OutOfRange(string message, string parameter, string actualValue) =>
        $"{message} (Parameter '{parameter}'){Environment.NewLine}Actual value was {actualValue}.";

    /// <summary>An <see cref="ArgumentException"/> message: ours, then the parameter.</summary>
    public static string Argument(string message, string parameter) => $"{message} (Parameter '{parameter}')";
}
