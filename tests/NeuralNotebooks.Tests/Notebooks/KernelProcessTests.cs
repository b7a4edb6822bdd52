using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>The runner against the real kernel process: failures are reported with the notebook, the cell and the error.</summary>
[Collection(StockKernel.Name)]
public class KernelProcessTests
{
    private static string Fixture(string name) => Path.Combine(CourseNotebooks.Root, "tests", "NeuralNotebooks.Tests", "Notebooks", "Fixtures", name);

    [Fact]
    public async Task When_a_cell_does_not_compile_the_run_stops_there_and_names_the_cell_and_the_diagnostic()
    {
        await using var kernel = await StockKernel.StartAsync();

        var run = await NotebookRun.RunAsync(kernel, Fixture("compile-error.ipynb"), StockKernel.CellTimeout);

        Assert.False(run.Succeeded);
        Assert.Equal(2, run.Cells.Count);
        Assert.Equal(2, run.Failure!.Number);
        Assert.StartsWith("compile-error, cell 2: ", run.DescribeFailure(), StringComparison.Ordinal);
        Assert.Contains("CS0029", run.DescribeFailure(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_cell_throws_the_failure_carries_the_exception_type_and_message()
    {
        await using var kernel = await StockKernel.StartAsync();

        var run = await NotebookRun.RunAsync(kernel, Fixture("runtime-error.ipynb"), StockKernel.CellTimeout);

        Assert.Equal("before\n", run.Cells[0].Result.StandardOutput);
        Assert.Contains("System.InvalidOperationException: boom", run.Failure!.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kernel_runs_in_the_folder_it_is_given_as_VS_Code_does()
    {
        await using var kernel = await StockKernel.StartAsync();

        var result = await kernel.SubmitAsync("System.IO.Directory.GetCurrentDirectory()", StockKernel.CellTimeout);

        Assert.Equal(Path.Combine(CourseNotebooks.Root, "notebooks"), Assert.Single(result.ValuesOf("text/plain")));
    }

    [Fact]
    public async Task In_the_stock_kernel_Plotly_fails_on_FSharp_Core_until_the_library_has_started()
    {
        // An in-process host resolves FSharp.Core 10.1 itself and never shows this; only the real kernel process does.
        await using var kernel = await StockKernel.StartAsync();
        var setup = CourseNotebookSetup();
        const string chart = "Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0, 2 }, new[] { 3.0, 4 })";

        Assert.True((await kernel.SubmitAsync(setup[0], StockKernel.CellTimeout)).Succeeded);
        var before = await kernel.SubmitAsync(chart, StockKernel.CellTimeout);
        Assert.False(before.Succeeded);
        Assert.Contains("FSharp.Core, Version=10.1.0.0", before.Error, StringComparison.Ordinal);

        Assert.True((await kernel.SubmitAsync(setup[1], StockKernel.CellTimeout)).Succeeded);
        var after = await kernel.SubmitAsync(chart, StockKernel.CellTimeout);
        Assert.True(after.Succeeded, after.Error);
        Assert.Contains(after.ValuesOf("text/html"), PlotlyHtml.IsChart);
    }

    private static string[] CourseNotebookSetup() =>
        NotebookFile.CodeCells(NotebookFile.Read(CourseNotebooks.Paths[0])).Select(c => c.Cell.Contents).Take(2).ToArray();
}
