using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Runner.Scripts;

namespace NeuralNotebooks.Tests.Scripts;

/// <summary>
/// A marked lesson app's standard output read back as the notebook run that the notebooks' output checks look at:
/// per cell, its printed lines as standard output, each run of progress lines as one updated display ending at the
/// last line, and each saved chart as a returned value holding the page's HTML.
/// </summary>
public static partial class AppOutput
{
    /// <summary>The run, cell by cell, as the app's cell markers divide its output.</summary>
    public static NotebookRun AsNotebookRun(string notebookPath, string output, string appFolder)
    {
        var document = NotebookFile.Read(notebookPath);
        var cells = new List<CodeCellRun>();
        foreach (var block in output.Split('\u001E').Skip(1))
        {
            var lines = block.Split('\n');
            var number = int.Parse(lines[0], null);
            // The marker is the cell's 1-based position among all cells, as in a kernel run; checks find cells by their code.
            cells.Add(new CodeCellRun(number, document.Elements[number - 1].Contents, new CellResult(true, null, Outputs(lines.Skip(1), appFolder), TimeSpan.Zero)));
        }
        return new NotebookRun(Path.GetFileNameWithoutExtension(notebookPath), document, cells, TimeSpan.Zero);
    }

    /// <summary>The output without cell markers and progress lines (whose number depends on the machine's speed).</summary>
    public static string Steady(string output) =>
        string.Concat(output.Split('\n').SkipLast(1).Where(l => !l.StartsWith('\u001E') && !IsProgress(l)).Select(l => l + "\n"));

    /// <summary>A progress line of <c>NotebookApp.ShowProgress</c>.</summary>
    public static bool IsProgress(string line) => ProgressLine().IsMatch(line);

    /// <summary>The page a "Chart: PATH" line names, or null for any other line.</summary>
    public static string? ChartPage(string line) => line.StartsWith("Chart: ", StringComparison.Ordinal) ? line["Chart: ".Length..] : null;

    private static List<CellOutput> Outputs(IEnumerable<string> lines, string appFolder)
    {
        var outputs = new List<CellOutput>();
        var text = new StringBuilder();
        var progress = new List<string>();
        void Flush()
        {
            if (text.Length > 0)
            {
                outputs.Add(new CellOutput(OutputKind.StandardOutput, [new FormattedValue("text/plain", text.ToString())]));
                text.Clear();
            }
            if (progress.Count > 0)
            {
                outputs.Add(new CellOutput(OutputKind.Display, [new FormattedValue("text/plain", progress[^1])], Updates: progress.Count - 1));
                progress.Clear();
            }
        }
        foreach (var line in lines.SkipLast(1)) // the block ends with a newline
        {
            if (IsProgress(line))
            {
                if (text.Length > 0)
                {
                    Flush();
                }
                progress.Add(line);
                continue;
            }
            if (progress.Count > 0)
            {
                Flush();
            }
            if (ChartPage(line) is { } page)
            {
                Flush();
                var html = File.ReadAllText(Path.Combine(appFolder, page));
                outputs.Add(new CellOutput(OutputKind.ReturnValue, [new FormattedValue("text/html", html)]));
                continue;
            }
            text.Append(line).Append('\n');
        }
        Flush();
        return outputs;
    }

    [GeneratedRegex(@"^[0-9,]+ / [0-9,]+ epochs · loss ")]
    private static partial Regex ProgressLine();
}
