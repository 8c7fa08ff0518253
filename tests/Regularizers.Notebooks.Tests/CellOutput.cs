using Microsoft.DotNet.Interactive.Events;

namespace Regularizers.Notebooks.Tests;

/// <summary>One output of a code cell, kept as .NET Interactive produced it.</summary>
public abstract record CellOutput
{
    /// <summary>
    /// The output that <paramref name="kernelEvent"/> stands for, or null for the events a notebook does not show
    /// (diagnostics, submission and command lifecycle).
    /// </summary>
    public static CellOutput? From(KernelEvent kernelEvent) => kernelEvent switch
    {
        StandardOutputValueProduced written => new StreamOutput(OutputStream.Stdout, PlainText(written)),
        StandardErrorValueProduced written => new StreamOutput(OutputStream.Stderr, PlainText(written)),
        DisplayedValueProduced displayed => new DisplayOutput(DisplayKind.Displayed, displayed.ValueId, Data(displayed)),
        DisplayedValueUpdated updated => new DisplayOutput(DisplayKind.Updated, updated.ValueId, Data(updated)),
        ReturnValueProduced returned => new DisplayOutput(DisplayKind.Returned, returned.ValueId, Data(returned)),
        CommandFailed failed => new ErrorOutput(failed.Exception?.GetType().Name ?? "Error", failed.Message),
        _ => null,
    };

    private static string PlainText(DisplayEvent written) =>
        written.FormattedValues.Single(v => v.MimeType == "text/plain").Value;

    private static Dictionary<string, string> Data(DisplayEvent displayed) =>
        displayed.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value);
}

/// <summary>Text a cell wrote to standard output or standard error (one write; consecutive writes are separate).</summary>
public sealed record StreamOutput(OutputStream Stream, string Text) : CellOutput;

/// <summary>
/// A value a cell displayed, updated or returned, with every formatted value by mime type (text/plain, text/html,
/// image/svg+xml, image/png as base64 text, …). <see cref="ValueId"/> ties an update to the display it replaces.
/// </summary>
public sealed record DisplayOutput(DisplayKind Kind, string? ValueId, IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>A cell that failed to compile or threw: the exception's type name ("Error" without one) and the message.</summary>
public sealed record ErrorOutput(string Name, string Message) : CellOutput;

/// <summary>Which standard stream a <see cref="StreamOutput"/> was written to.</summary>
public enum OutputStream
{
    /// <summary>Standard output (Console.Write).</summary>
    Stdout,

    /// <summary>Standard error (Console.Error.Write).</summary>
    Stderr,
}

/// <summary>The .NET Interactive event a <see cref="DisplayOutput"/> came from.</summary>
public enum DisplayKind
{
    /// <summary><c>DisplayedValueProduced</c>: <c>display(x)</c>, <c>x.Display()</c>, <c>DisplayAs</c>.</summary>
    Displayed,

    /// <summary><c>DisplayedValueUpdated</c>: a new value for an earlier display with the same value id.</summary>
    Updated,

    /// <summary><c>ReturnValueProduced</c>: the value of the cell's last expression.</summary>
    Returned,
}
