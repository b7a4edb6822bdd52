using System.Diagnostics;
using Microsoft.DotNet.Interactive.Documents;

namespace NeuralNotebooks.Runner;

/// <summary>One code cell as it ran.</summary>
/// <param name="Number">The cell's 1-based position among all the notebook's cells, as an editor counts them.</param>
/// <param name="Code">The cell's source.</param>
/// <param name="Result">What the kernel reported.</param>
public sealed record CodeCellRun(int Number, string Code, CellResult Result);

/// <summary>A notebook run top to bottom in one kernel.</summary>
/// <param name="Name">The notebook's file name without extension.</param>
/// <param name="Document">The notebook with every run cell's outputs filled in.</param>
/// <param name="Cells">Each code cell that ran, in order (up to and including the first failure).</param>
/// <param name="Elapsed">From the first submission to the last verdict (kernel start not included).</param>
public sealed record NotebookRun(string Name, InteractiveDocument Document, IReadOnlyList<CodeCellRun> Cells, TimeSpan Elapsed)
{
    /// <summary>True when every code cell ran and succeeded.</summary>
    public bool Succeeded => Failure is null && Cells.Count == NotebookFile.CodeCells(Document).Count();

    /// <summary>The first cell that failed, or null.</summary>
    public CodeCellRun? Failure => Cells.FirstOrDefault(c => !c.Result.Succeeded);

    /// <summary>Time from the first submission until the first cell that drew a chart had finished, or null without charts.</summary>
    public TimeSpan? TimeToFirstChart
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var cell in Cells)
            {
                total += cell.Result.Elapsed;
                if (cell.Result.ValuesOf("text/html").Any(PlotlyHtml.IsChart))
                {
                    return total;
                }
            }
            return null;
        }
    }

    /// <summary>"03-backpropagation-and-training, cell 12: error text" for the first failure.</summary>
    public string DescribeFailure() =>
        Failure is { } f ? $"{Name}, cell {f.Number}: {f.Result.Error}" : $"{Name}: did not run every cell";

    /// <summary>
    /// Why the run failed, on one line and without the notebook's name: "cell 12: " and the error's first compiler error
    /// (<c>(1,9): error CS0029: …</c>) if it has one, otherwise its first line (an exception's type and message, a timeout,
    /// the kernel's exit); null when the run succeeded.
    /// </summary>
    public string? FailureReason
    {
        get
        {
            if (Failure is not { } f)
            {
                return Succeeded ? null : "did not run every cell";
            }
            var lines = (f.Result.Error ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return $"cell {f.Number}: {lines.FirstOrDefault(l => l.Contains("error CS", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "failed"}";
        }
    }

    /// <summary>Runs every code cell of <paramref name="notebookPath"/> in order in <paramref name="kernel"/>, stopping at the first failure.</summary>
    /// <exception cref="InvalidDataException">The file is not a notebook.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static Task<NotebookRun> RunAsync(KernelProcess kernel, string notebookPath, TimeSpan cellTimeout, CancellationToken cancellation = default) =>
        RunAsync(kernel, NotebookFile.Read(notebookPath), Path.GetFileNameWithoutExtension(notebookPath), cellTimeout, cancellation);

    /// <summary>Runs every code cell of <paramref name="document"/> in order in <paramref name="kernel"/>, stopping at the first failure.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static async Task<NotebookRun> RunAsync(
        KernelProcess kernel, InteractiveDocument document, string name, TimeSpan cellTimeout, CancellationToken cancellation = default)
    {
        var runs = new List<CodeCellRun>();
        var clock = Stopwatch.StartNew();
        var executionCount = 0;
        foreach (var (number, cell) in NotebookFile.CodeCells(document))
        {
            var result = await kernel.SubmitAsync(cell.Contents, cellTimeout, cancellation).ConfigureAwait(false);
            runs.Add(new CodeCellRun(number, cell.Contents, result));
            cell.ExecutionOrder = ++executionCount;
            cell.Outputs.Clear();
            cell.Outputs.AddRange(ToDocumentOutputs(result, cell.ExecutionOrder));
            if (!result.Succeeded)
            {
                break;
            }
        }
        return new NotebookRun(name, document, runs, clock.Elapsed);
    }

    private static IEnumerable<InteractiveDocumentOutputElement> ToDocumentOutputs(CellResult result, int executionOrder)
    {
        foreach (var output in result.Outputs)
        {
            var data = output.Values.ToDictionary(v => v.MimeType, v => (object)v.Value);
            yield return output.Kind switch
            {
                OutputKind.StandardOutput => new TextElement(output.Text("text/plain") ?? "", "stdout"),
                OutputKind.StandardError => new TextElement(output.Text("text/plain") ?? "", "stderr"),
                OutputKind.ReturnValue => ReturnValue(data, executionOrder),
                _ => new DisplayElement(data),
            };
        }
        if (!result.Succeeded)
        {
            yield return new ErrorElement("Error", result.Error ?? "The cell failed.", []);
        }
    }

    private static ReturnValueElement ReturnValue(IDictionary<string, object> data, int executionOrder)
    {
        var element = new ReturnValueElement { ExecutionOrder = executionOrder };
        foreach (var (mimeType, value) in data)
        {
            element.Data[mimeType] = value;
        }
        return element;
    }
}
