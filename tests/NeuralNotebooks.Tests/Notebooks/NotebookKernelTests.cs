using NeuralNotebooks.Runner;
using NeuralNotebooks.Tests.Notebooks.Checks;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// Every notebook, run top to bottom in the stock kernel process (the one VS Code starts), then every
/// cell again in the same kernel, as a learner who re-runs cells does.
/// </summary>
[Collection(StockKernel.Name)]
public class NotebookKernelTests(ITestOutputHelper log)
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public Task A_notebook_runs_top_to_bottom_in_the_stock_kernel_and_again_when_rerun(string name) => RunTwiceAndCheck(name);

    [Theory]
    [MemberData(nameof(CourseNotebooks.SolutionNames), MemberType = typeof(CourseNotebooks))]
    public Task A_solution_notebook_runs_top_to_bottom_in_the_stock_kernel_and_shows_what_its_exercise_was_meant_to(string name) =>
        RunTwiceAndCheck(name);

    private async Task RunTwiceAndCheck(string name)
    {
        // In the notebook's own folder, as VS Code and Jupyter start the kernel.
        await using var kernel = await StockKernel.StartAsync(Path.GetDirectoryName(CourseNotebooks.PathOf(name)));

        var first = await NotebookRun.RunAsync(kernel, CourseNotebooks.PathOf(name), StockKernel.CellTimeout);
        Assert.True(first.Succeeded, first.DescribeFailure());
        log.WriteLine($"{name}: {first.Elapsed.TotalSeconds:0.0} s in cells, first chart after {first.TimeToFirstChart?.TotalSeconds:0.0} s");
        CheckOutputs(name, first);

        var again = await NotebookRun.RunAsync(kernel, CourseNotebooks.PathOf(name), StockKernel.CellTimeout);
        Assert.True(again.Succeeded, "Re-running every cell in the same kernel: " + again.DescribeFailure());
        CheckOutputs(name, again);
    }

    private static void CheckOutputs(string name, NotebookRun run)
    {
        var check = NotebookCheck.For(name);
        Assert.True(check is not null, $"No output checks for {name}: add a NotebookCheck for it in Notebooks/Checks.");
        check.Check(new ExecutedNotebook(run));
    }
}
