using System.Globalization;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Cli;

/// <summary>
/// The main job: runs every notebook top to bottom in the stock kernel, as VS Code would, and writes each
/// executed notebook and a self-contained HTML page of it (charts drawn offline) under artifacts/notebooks.
/// </summary>
internal static class RunCommand
{
    public const string Usage = """
        Usage: neuralnotebooks run [--only PREFIX] [--output DIR]

        Runs every notebook in notebooks/ top to bottom in the stock .NET Interactive kernel (the one
        VS Code starts), each in a fresh kernel, and writes the executed notebook and a self-contained
        HTML page of it, whose charts draw offline. Prints each notebook's status and time.

        Options:
          --only PREFIX   run only the notebooks whose names start with PREFIX (e.g. 03)
          --output DIR    where to write them (default artifacts/notebooks)
          --help          show this text
        """;

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var options = new OptionReader(arguments, ["--only", "--output"]);
        var root = Repository.FindRoot();
        var only = options.Text("--only", "");
        var outputFolder = Path.GetFullPath(options.Text("--output", Path.Combine(root, "artifacts", "notebooks")));
        var notebooks = Repository.Notebooks(root).Where(n => Path.GetFileName(n).StartsWith(only, StringComparison.Ordinal)).ToList();
        if (notebooks.Count == 0)
        {
            throw new UsageException($"--only matches no notebook, but was '{only}'");
        }
        return RunAsync(root, notebooks, outputFolder, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string root, IReadOnlyList<string> notebooks, string outputFolder, TextWriter output)
    {
        await Repository.RestoreKernelToolAsync(root);
        output.WriteLine($"Running {notebooks.Count} notebooks in the stock kernel; writing to {Path.GetRelativePath(root, outputFolder)}/");
        var failures = 0;
        foreach (var notebook in notebooks)
        {
            var result = await HeadlessRun.RunAsync(root, notebook, outputFolder);
            var run = result.Run;
            var firstChart = run.TimeToFirstChart is { } t ? $", first chart after {Seconds(t)}" : "";
            output.WriteLine(run.Succeeded
                ? $"  ok    {run.Name,-38} {Seconds(result.TopToBottom),7} (kernel start {Seconds(result.KernelStart)}, cells {Seconds(run.Elapsed)}{firstChart})"
                : $"  FAIL  {run.DescribeFailure()}");
            failures += run.Succeeded ? 0 : 1;
        }
        output.WriteLine(failures == 0 ? $"All {notebooks.Count} notebooks ran." : $"{failures} of {notebooks.Count} notebooks failed.");
        return failures == 0 ? 0 : 1;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);
}
