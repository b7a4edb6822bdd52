using System.Diagnostics;
using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Runner;

/// <summary>One notebook of a headless run: how it went and where its files are.</summary>
/// <param name="Name">The notebook's file name without extension.</param>
/// <param name="Run">The cells as they ran, or null when the notebook could not be run at all.</param>
/// <param name="Problem">Why the notebook could not be run at all (unreadable, or its kernel did not start), or null.</param>
/// <param name="KernelStart">From launching the kernel process to its being ready.</param>
/// <param name="NotebookPath">The executed notebook, with outputs (null when it did not run).</param>
/// <param name="HtmlPath">The self-contained HTML page (null when it did not run).</param>
public sealed record HeadlessNotebook(string Name, NotebookRun? Run, string? Problem, TimeSpan KernelStart, string? NotebookPath, string? HtmlPath)
{
    /// <summary>True when every cell ran and succeeded.</summary>
    public bool Succeeded => Problem is null && Run is { Succeeded: true };

    /// <summary>Kernel start plus every cell: what "run all" costs a learner.</summary>
    public TimeSpan TopToBottom => KernelStart + (Run?.Elapsed ?? TimeSpan.Zero);

    /// <summary>Why the notebook failed, on one line ("cell 3: System.InvalidOperationException: boom"), or null when it succeeded.</summary>
    public string? FailureReason => Problem is { } problem ? problem.Split('\n')[0].Trim() : Run?.FailureReason;
}

/// <summary>
/// Runs notebooks through the stock kernel, each in a fresh kernel in its own folder, with offline charts,
/// and writes each executed notebook and its HTML page. A notebook that cannot be read, a cell that times out and a
/// kernel that dies fail that notebook only; its kernel is stopped whatever happens.
/// </summary>
public static class HeadlessRun
{
    /// <summary>How long one cell may take before the run gives up on it, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs one notebook in a new kernel and writes <c>NAME.ipynb</c> and <c>NAME.html</c> into <paramref name="outputFolder"/>.</summary>
    /// <param name="root">The repository, whose .config/dotnet-tools.json pins the kernel.</param>
    /// <param name="notebookPath">The notebook; its folder is the kernel's working directory.</param>
    /// <param name="outputFolder">Where the executed notebook and its page go.</param>
    /// <param name="cellTimeout">How long one cell may run (default <see cref="DefaultCellTimeout"/>).</param>
    /// <param name="cancellation">Stops the notebook and its kernel.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (the kernel is stopped).</exception>
    public static async Task<HeadlessNotebook> RunAsync(
        string root, string notebookPath, string outputFolder, TimeSpan? cellTimeout = null, CancellationToken cancellation = default)
    {
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        Microsoft.DotNet.Interactive.Documents.InteractiveDocument document;
        try
        {
            document = NotebookFile.Read(notebookPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new HeadlessNotebook(name, null, e.Message, TimeSpan.Zero, null, null);
        }

        var environment = new Dictionary<string, string> { [ChartOutput.OfflineVariable] = "1" };
        var clock = Stopwatch.StartNew();
        KernelProcess kernel;
        try
        {
            kernel = await KernelProcess.StartAsync(root, Path.GetDirectoryName(notebookPath)!, environment, cancellation: cancellation).ConfigureAwait(false);
        }
        catch (KernelException e)
        {
            return new HeadlessNotebook(name, null, e.Message, clock.Elapsed, null, null);
        }
        NotebookRun run;
        TimeSpan kernelStart;
        await using (kernel.ConfigureAwait(false))
        {
            kernelStart = clock.Elapsed;
            run = await NotebookRun.RunAsync(kernel, document, name, cellTimeout ?? DefaultCellTimeout, cancellation).ConfigureAwait(false);
        }

        Directory.CreateDirectory(outputFolder);
        var notebookOut = Path.Combine(outputFolder, name + ".ipynb");
        var htmlOut = Path.Combine(outputFolder, name + ".html");
        NotebookFile.Write(run.Document, notebookOut);
        await File.WriteAllTextAsync(htmlOut, HtmlPage.Render(run.Document, name), CancellationToken.None).ConfigureAwait(false);
        return new HeadlessNotebook(name, run, null, kernelStart, notebookOut, htmlOut);
    }
}
