using System.CommandLine;
using System.Globalization;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Cli;

/// <summary>
/// <c>run</c>, the main job: runs every notebook top to bottom in the stock kernel, as VS Code would, and writes each
/// executed notebook and a self-contained HTML page of it (charts drawn offline) under artifacts/notebooks.
/// </summary>
internal sealed class RunCommand : Command
{
    private readonly CliOption<string> _only = new("--only", "run only the notebooks whose names start with PREFIX (e.g. 03)") { HelpName = "PREFIX", Default = "" };
    private readonly CliOption<string> _output = new("--output", "where to write them [default: artifacts/notebooks]") { HelpName = "DIR" };

    public RunCommand()
        : base("run", "Runs every notebook top to bottom in the stock .NET Interactive kernel (the one VS Code starts), each in a fresh kernel; " +
                      "writes each executed notebook and a self-contained HTML page of it (charts drawn offline). The main job.")
    {
        Options.Add(_only);
        Options.Add(_output);
        SetAction((result, cancellation) => RunAsync(result, result.InvocationConfiguration.Output, cancellation));
    }

    private async Task<int> RunAsync(ParseResult options, TextWriter output, CancellationToken cancellation)
    {
        var root = Repository.FindRoot();
        var only = options.GetRequiredValue(_only);
        var outputFolder = Path.GetFullPath(options.GetValue(_output) ?? Path.Combine(root, "artifacts", "notebooks"));
        var notebooks = Repository.Notebooks(root).Where(n => Path.GetFileName(n).StartsWith(only, StringComparison.Ordinal)).ToList();
        if (notebooks.Count == 0)
        {
            throw new UsageException($"--only matches no notebook, but was '{only}'");
        }
        await Repository.RestoreKernelToolAsync(root).ConfigureAwait(false);
        output.WriteLine($"Running {notebooks.Count} notebooks in the stock kernel; writing to {Path.GetRelativePath(root, outputFolder)}/");
        var failures = 0;
        foreach (var notebook in notebooks)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = await HeadlessRun.RunAsync(root, notebook, outputFolder).ConfigureAwait(false);
            var run = result.Run;
            var firstChart = run.TimeToFirstChart is { } t ? $", first chart after {Seconds(t)}" : "";
            output.WriteLine(run.Succeeded
                ? $"  ok    {run.Name,-38} {Seconds(result.TopToBottom),7} (kernel start {Seconds(result.KernelStart)}, cells {Seconds(run.Elapsed)}{firstChart})"
                : $"  FAIL  {run.DescribeFailure()}");
            failures += run.Succeeded ? 0 : 1;
        }
        output.WriteLine(failures == 0 ? $"All {notebooks.Count} notebooks ran." : $"{failures} of {notebooks.Count} notebooks failed.");
        return failures == 0 ? 0 : CommandLine.Failed;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);
}
