using System.Diagnostics;
using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Runner;

/// <summary>One notebook of a headless run: how it went and where its files are.</summary>
/// <param name="Run">The cells as they ran.</param>
/// <param name="KernelStart">From launching the kernel process to its being ready.</param>
/// <param name="NotebookPath">The executed notebook, with outputs.</param>
/// <param name="HtmlPath">The self-contained HTML page.</param>
public sealed record HeadlessNotebook(NotebookRun Run, TimeSpan KernelStart, string NotebookPath, string HtmlPath)
{
    /// <summary>Kernel start plus every cell: what "run all" costs a learner.</summary>
    public TimeSpan TopToBottom => KernelStart + Run.Elapsed;
}

/// <summary>
/// Runs notebooks through the stock kernel, each in a fresh kernel in its own folder, with offline charts,
/// and writes each executed notebook and its HTML page.
/// </summary>
public static class HeadlessRun
{
    /// <summary>How long one cell may take before the run gives up on it.</summary>
    public static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs one notebook in a new kernel and writes <c>NAME.ipynb</c> and <c>NAME.html</c> into <paramref name="outputFolder"/>.</summary>
    public static async Task<HeadlessNotebook> RunAsync(string root, string notebookPath, string outputFolder)
    {
        var environment = new Dictionary<string, string> { [ChartOutput.OfflineVariable] = "1" };
        var clock = Stopwatch.StartNew();
        await using var kernel = await KernelProcess.StartAsync(root, Path.GetDirectoryName(notebookPath)!, environment).ConfigureAwait(false);
        var kernelStart = clock.Elapsed;
        var run = await NotebookRun.RunAsync(kernel, notebookPath, CellTimeout).ConfigureAwait(false);

        Directory.CreateDirectory(outputFolder);
        var notebookOut = Path.Combine(outputFolder, run.Name + ".ipynb");
        var htmlOut = Path.Combine(outputFolder, run.Name + ".html");
        NotebookFile.Write(run.Document, notebookOut);
        await File.WriteAllTextAsync(htmlOut, HtmlPage.Render(run.Document, run.Name)).ConfigureAwait(false);
        return new HeadlessNotebook(run, kernelStart, notebookOut, htmlOut);
    }
}
