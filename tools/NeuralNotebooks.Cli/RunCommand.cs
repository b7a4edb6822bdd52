using System.CommandLine;
using System.Globalization;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Cli;

/// <summary>
/// <c>run</c>, the main job: runs every notebook top to bottom in the stock kernel, as VS Code would, then every worked
/// solution (<c>notebooks/solutions/</c>), and writes each executed notebook and a self-contained HTML page of it (charts
/// drawn offline) under artifacts/notebooks. A notebook that fails (unreadable, a failing or timed-out cell, a dead kernel)
/// is reported on one line and the others still run; the exit code is 1 when any failed.
/// </summary>
internal sealed class RunCommand : Command
{
    /// <summary>The exit code after Ctrl-C or SIGTERM, as shells report a process ended by SIGINT.</summary>
    public const int Stopped = 130;

    private readonly CliOption<string> _only = new("--only", "run only the notebooks (and solutions) whose names start with PREFIX, e.g. 03") { HelpName = "PREFIX", Default = "" };
    private readonly CliOption<string> _notebooks = new("--notebooks", "the folder of notebooks to run, then its solutions/ folder [default: notebooks]") { HelpName = "DIR" };
    private readonly CliOption<string> _output = new("--output", "where to write them (solutions in its solutions/ folder) [default: artifacts/notebooks]") { HelpName = "DIR" };
    private readonly CliOption<int> _cellTimeout = new("--cell-timeout", "seconds one cell may run before its notebook fails and its kernel is stopped, 1 or more") { HelpName = "SECONDS", Default = (int)HeadlessRun.DefaultCellTimeout.TotalSeconds };

    public RunCommand()
        : base("run", "Runs every notebook, then every worked solution, top to bottom in the stock .NET Interactive kernel (the one VS Code starts), " +
                      "each in a fresh kernel; writes each executed notebook and a self-contained HTML page of it (charts drawn offline). The main job.")
    {
        Options.Add(_only);
        Options.Add(_notebooks);
        Options.Add(_output);
        Options.Add(_cellTimeout);
        SetAction((result, cancellation) => RunAsync(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation));
    }

    private async Task<int> RunAsync(ParseResult options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var root = Repository.FindRoot();
        var folder = Path.GetFullPath(options.GetValue(_notebooks) ?? Repository.NotebooksFolder(root));
        var outputFolder = Path.GetFullPath(options.GetValue(_output) ?? Path.Combine(root, "artifacts", "notebooks"));
        var cellTimeout = CellTimeout(options.GetValue(_cellTimeout));
        var notebooks = Select(folder, options.GetRequiredValue(_only));
        CheckWritable(outputFolder, notebooks.Select(n => OutputFolderFor(n, folder, outputFolder)).Distinct());

        try
        {
            await Repository.RestoreKernelToolAsync(root).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"{CommandLine.Name}: the kernel could not be restored, so no notebook ran: {e.Message.Split('\n')[0]}");
            return CommandLine.Failed;
        }
        output.WriteLine($"Running {Count(notebooks.Count)} in the stock kernel; writing to {Shown(outputFolder, root)}/");
        var failed = new List<string>();
        try
        {
            foreach (var notebook in notebooks)
            {
                var name = Path.ChangeExtension(Path.GetRelativePath(folder, notebook), null);
                var result = await HeadlessRun.RunAsync(root, notebook, OutputFolderFor(notebook, folder, outputFolder), cellTimeout, cancellation).ConfigureAwait(false);
                output.WriteLine(result.Succeeded ? Ok(name, result) : $"  FAIL  {name,-38} {result.FailureReason}");
                if (!result.Succeeded)
                {
                    failed.Add(name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine($"{CommandLine.Name}: run stopped; its kernel was stopped with it.");
            return Stopped;
        }
        output.WriteLine(failed.Count == 0
            ? $"All {Count(notebooks.Count)} ran."
            : $"{failed.Count} of {Count(notebooks.Count)} failed: {string.Join(", ", failed)}.");
        return failed.Count == 0 ? 0 : CommandLine.Failed;
    }

    /// <summary>The course's notebooks in order, then their solutions, both filtered by name prefix.</summary>
    private static List<string> Select(string folder, string only)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--notebooks must be a folder, but was '{folder}'");
        }
        var all = Repository.NotebooksIn(folder).Concat(Repository.NotebooksIn(Path.Combine(folder, Repository.SolutionsFolderName)));
        var selected = all.Where(n => Path.GetFileName(n).StartsWith(only, StringComparison.Ordinal)).ToList();
        return selected.Count > 0 ? selected : throw new UsageException($"--only matches no notebook in {folder}, but was '{only}'");
    }

    private static TimeSpan CellTimeout(int seconds) =>
        seconds >= 1 ? TimeSpan.FromSeconds(seconds) : throw new UsageException($"--cell-timeout must be at least 1 second, but was {seconds}");

    /// <summary>A solution's outputs go to the output folder's solutions/ folder, as its source sits in the notebooks' solutions/.</summary>
    private static string OutputFolderFor(string notebook, string folder, string outputFolder) =>
        Path.GetFullPath(Path.Combine(outputFolder, Path.GetRelativePath(folder, Path.GetDirectoryName(notebook)!)));

    /// <summary>Finds out before any notebook runs (minutes of work) that the results could not be written.</summary>
    private static void CheckWritable(string outputFolder, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            try
            {
                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--output must be a folder this user can write, but was '{outputFolder}' ({e.Message})");
            }
        }
    }

    private static string Ok(string name, HeadlessNotebook result)
    {
        var run = result.Run!;
        var firstChart = run.TimeToFirstChart is { } t ? $", first chart after {Seconds(t)}" : "";
        return $"  ok    {name,-38} {Seconds(result.TopToBottom),7} (kernel start {Seconds(result.KernelStart)}, cells {Seconds(run.Elapsed)}{firstChart})";
    }

    private static string Shown(string path, string root) =>
        Path.GetRelativePath(root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    private static string Count(int notebooks) => notebooks == 1 ? "1 notebook" : $"{notebooks} notebooks";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);
}
