using Microsoft.DotNet.Interactive.Formatting;

namespace NeuralNotebooks.Runner;

/// <summary>What one submitted cell produced in the kernel.</summary>
/// <param name="Succeeded">True when the kernel reported CommandSucceeded.</param>
/// <param name="Error">The failure's message with every compile diagnostic, or null.</param>
/// <param name="Outputs">Standard output, displays (at their last update) and the return value, in order.</param>
/// <param name="Elapsed">From submission to the kernel's verdict.</param>
public sealed record CellResult(bool Succeeded, string? Error, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed)
{
    /// <summary>All standard output, joined.</summary>
    public string StandardOutput => string.Concat(Outputs.Where(o => o.Kind == OutputKind.StandardOutput).Select(o => o.Text("text/plain")));

    /// <summary>Every value of this MIME type the cell produced, in order.</summary>
    public IEnumerable<string> ValuesOf(string mimeType) => Outputs.Select(o => o.Text(mimeType)).OfType<string>();
}

/// <summary>One output of a cell.</summary>
/// <param name="Kind">Where it came from.</param>
/// <param name="Values">The same value in one or more MIME types.</param>
/// <param name="DisplayId">For displays, the id the kernel updates them by.</param>
/// <param name="Updates">How many times the kernel updated this display after producing it.</param>
public sealed record CellOutput(OutputKind Kind, IReadOnlyList<FormattedValue> Values, string? DisplayId = null, int Updates = 0)
{
    /// <summary>The value in this MIME type, or null.</summary>
    public string? Text(string mimeType) => Values.FirstOrDefault(v => v.MimeType == mimeType)?.Value;
}

/// <summary>The kinds of output a cell has.</summary>
public enum OutputKind
{
    /// <summary>Console.Out.</summary>
    StandardOutput,

    /// <summary>Console.Error.</summary>
    StandardError,

    /// <summary>A display (display(x), package lists, progress lines).</summary>
    Display,

    /// <summary>The value the cell ends with.</summary>
    ReturnValue,
}
