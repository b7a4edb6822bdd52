using System.Diagnostics;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Tests.Notebooks;

namespace NeuralNotebooks.Tests.Cli;

/// <summary>
/// <c>run</c> on a folder of fixture notebooks that fail in every way a notebook can (Fixtures/run-folder): a good one, one
/// that is not JSON (written by the test, so the repository holds no malformed notebook), one that hangs, one whose cell
/// kills its kernel, and a solution in solutions/.
/// </summary>
[Collection(StockKernel.Name)]
public class RunCommandTests
{
    private const int CellTimeoutSeconds = 20;

    private static readonly string Folder = Path.Combine(CourseNotebooks.Root, "tests", "NeuralNotebooks.Tests", "Notebooks", "Fixtures", "run-folder");

    [Fact]
    public async Task Each_failing_notebook_gets_one_line_the_others_still_run_and_no_kernel_outlives_the_run()
    {
        var output = Directory.CreateTempSubdirectory("run-command-");
        var notebooks = FixturesWithANotebookThatIsNotJson();
        using var stop = new CancellationTokenSource();
        var kernels = KernelProcesses.RecordAsync(Environment.ProcessId, stop.Token);

        var (exitCode, stdout, stderr) = await Task.Run(() => CliRun.Run(
            ["run", "--notebooks", notebooks.FullName, "--output", output.FullName, "--cell-timeout", $"{CellTimeoutSeconds}"]));
        await stop.CancelAsync();
        var seen = await kernels;

        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(1, exitCode);
        Assert.Equal("", stderr);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("  ok    a-good ", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^  FAIL  b-not-json +b-not-json\.ipynb is not a notebook: its JSON is malformed at line 6 ", lines[2]);
        Assert.Matches($@"^  FAIL  c-hangs +cell 1: The cell did not finish within {CellTimeoutSeconds} s\.$", lines[3]);
        Assert.Matches(@"^  FAIL  d-exits +cell 1: The kernel process exited \(exit code 3\) during the cell\.", lines[4]);
        Assert.StartsWith("  ok    solutions/a-good ", lines[5], StringComparison.Ordinal);
        Assert.Equal("3 of 5 notebooks failed: b-not-json, c-hangs, d-exits.", lines[6]);
        Assert.True(seen.Count >= 4, $"expected a kernel per runnable notebook, saw {seen.Count}");
        Assert.DoesNotContain(seen, KernelProcesses.IsAlive);
        output.Delete(recursive: true);
        notebooks.Delete(recursive: true);
    }

    /// <summary>A copy of the fixture folder with b-not-json.ipynb added: a notebook cut off in the middle of its JSON.</summary>
    private static DirectoryInfo FixturesWithANotebookThatIsNotJson()
    {
        var folder = Directory.CreateTempSubdirectory("run-folder-");
        foreach (var file in Directory.EnumerateFiles(Folder, "*.ipynb", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder.FullName, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.WriteAllText(Path.Combine(folder.FullName, "b-not-json.ipynb"), "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [ \"1 + 1\" ]\n");
        return folder;
    }

    [Fact]
    public async Task A_solution_runs_in_its_own_folder_and_is_written_to_the_outputs_solutions_folder()
    {
        var output = Directory.CreateTempSubdirectory("run-solutions-");

        var (exitCode, stdout, _) = await Task.Run(() => CliRun.Run(["run", "--notebooks", Folder, "--only", "a-", "--output", output.FullName]));

        Assert.Equal(0, exitCode);
        Assert.EndsWith("All 2 notebooks ran.\n", stdout, StringComparison.Ordinal);
        var solution = NotebookFile.Read(Path.Combine(output.FullName, "solutions", "a-good.ipynb"));
        var workingDirectory = Assert.IsType<Microsoft.DotNet.Interactive.Documents.ReturnValueElement>(Assert.Single(solution.Elements[0].Outputs));
        var text = workingDirectory.Data["text/plain"];
        Assert.Equal(Path.Combine(Folder, "solutions"), text as string ?? string.Concat((IEnumerable<object>)text));
        Assert.True(File.Exists(Path.Combine(output.FullName, "solutions", "a-good.html")));
        // The kernel sends each Console.WriteLine of a-good's loop on its own; the page shows them as one block.
        var page = File.ReadAllText(Path.Combine(output.FullName, "a-good.html"));
        Assert.Contains("<pre class=\"output\">Epoch 0, Loss: 0.25\nEpoch 1, Loss: 0.25\nEpoch 2, Loss: 0.25\n</pre>", page, StringComparison.Ordinal);
        output.Delete(recursive: true);
    }

    [Fact]
    public async Task SIGTERM_to_a_running_run_stops_its_kernel_too()
    {
        var cli = typeof(NeuralNotebooks.Cli.CommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CourseNotebooks.Root };
        foreach (var argument in new[] { cli, "run", "--notebooks", Folder, "--only", "c-hangs", "--output", Directory.CreateTempSubdirectory("run-sigterm-").FullName })
        {
            start.ArgumentList.Add(argument);
        }
        using var run = Process.Start(start)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();

        var kernels = await WaitForKernelsAsync(run.Id, TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // into the hanging cell
        Process.Start("kill", ["-TERM", $"{run.Id}"])!.WaitForExit();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await run.WaitForExitAsync(patience.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("neuralnotebooks: run stopped; its kernel was stopped with it.\n", await stderr);
        Assert.DoesNotContain("FAIL", await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(kernels, KernelProcesses.IsAlive);
    }

    [Theory]
    [InlineData("--cell-timeout 0", "--cell-timeout", "0")]
    [InlineData("--cell-timeout soon", "--cell-timeout", "'soon'")]
    [InlineData("--notebooks /no/such/folder", "--notebooks", "'/no/such/folder'")]
    [InlineData("--only zz", "--only", "'zz'")]
    public void A_bad_option_is_reported_before_any_notebook_runs(string arguments, string option, string value)
    {
        var (exitCode, output, error) = CliRun.Run(["run", "--notebooks", Folder, .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_reported_before_any_notebook_runs()
    {
        var file = Path.GetTempFileName(); // a file where a folder would have to be created

        var (exitCode, output, error) = CliRun.Run(["run", "--notebooks", Folder, "--output", Path.Combine(file, "out")]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"neuralnotebooks: --output must be a folder this user can write, but was '{Path.Combine(file, "out")}'", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        File.Delete(file);
    }

    private static async Task<IReadOnlySet<int>> WaitForKernelsAsync(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (KernelProcesses.Below(pid) is { Count: > 0 } kernels)
            {
                return kernels;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No kernel appeared below process {pid} within {timeout}.");
    }
}
