using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

/// <summary>What a notebook's checks look at: its charts' traces, its standard output, its progress lines.</summary>
public sealed class ExecutedNotebook(NotebookRun run)
{
    /// <summary>The run itself, cell by cell.</summary>
    public NotebookRun Run { get; } = run;

    /// <summary>Every chart the notebook drew, in order, as its list of traces.</summary>
    public IReadOnlyList<List<JsonElement>> Charts { get; } =
        run.Cells.SelectMany(c => c.Result.ValuesOf("text/html")).Where(PlotlyHtml.IsChart).Select(Traces).ToList();

    /// <summary>Every chart's HTML, in order.</summary>
    public IReadOnlyList<string> ChartHtml { get; } = run.Cells.SelectMany(c => c.Result.ValuesOf("text/html")).Where(PlotlyHtml.IsChart).ToList();

    /// <summary>All standard output of all cells, joined.</summary>
    public string Output { get; } = string.Concat(run.Cells.Select(c => c.Result.StandardOutput));

    /// <summary>Every text/plain value the cells returned or displayed.</summary>
    public string PlainValues => string.Concat(Run.Cells.SelectMany(c => c.Result.ValuesOf("text/plain")));

    /// <summary>The standard output of each cell, in order.</summary>
    public IEnumerable<string> CellOutputs => Run.Cells.Select(c => c.Result.StandardOutput);

    /// <summary>The one code cell whose source contains <paramref name="code"/>.</summary>
    public CodeCellRun Cell(string code) => Assert.Single(Run.Cells, c => c.Code.Contains(code, StringComparison.Ordinal));

    /// <summary>
    /// The value that the one cell whose source contains <paramref name="code"/> ended with, as text: its text/plain form,
    /// or the text inside the &lt;pre&gt; of the text/html the kernel gives numbers and booleans. A lesson app prints the
    /// value instead (<c>NotebookApp.Show</c>): then it is the cell's printed text.
    /// </summary>
    public string ValueOf(string code)
    {
        var cell = Cell(code).Result;
        if (cell.Outputs.SingleOrDefault(o => o.Kind == OutputKind.ReturnValue) is not { } value)
        {
            return cell.StandardOutput.TrimEnd('\n');
        }
        if (value.Text("text/plain") is { } plain)
        {
            return plain;
        }
        var html = value.Text("text/html") ?? "";
        var pre = Regex.Match(html, "<pre>(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(pre.Success, $"No <pre> in the value of the cell with {code}:\n{html}");
        return pre.Groups[1].Value;
    }

    /// <summary>The standard output of the one cell whose source contains <paramref name="code"/>.</summary>
    public string OutputOf(string code) => Cell(code).Result.StandardOutput;

    /// <summary>The number captured by the first group of <paramref name="pattern"/> in the output.</summary>
    public double Number(string pattern)
    {
        var match = Regex.Match(Output, pattern);
        Assert.True(match.Success, $"No match for /{pattern}/ in the notebook's output:\n{Output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts that some progress line was updated and ended at <paramref name="finalLine"/>.</summary>
    public void AssertProgressEndsAt(string finalLine)
    {
        var progress = Run.Cells.SelectMany(c => c.Result.Outputs).Where(o => o.Kind == OutputKind.Display && o.Updates > 0).ToList();
        Assert.NotEmpty(progress);
        Assert.Contains(progress, p => p.Text("text/plain") is { } line && line.StartsWith(finalLine, StringComparison.Ordinal));
    }

    /// <summary>A trace's numeric array property.</summary>
    public static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static List<JsonElement> Traces(string html) =>
        JsonDocument.Parse(PlotlyHtml.TraceData(html)).RootElement.EnumerateArray().ToList();
}
