using System.Text.RegularExpressions;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>The main job's output for notebook 04 (five charts): the executed notebook and its offline HTML page.</summary>
[Collection(StockKernel.Name)]
public partial class HeadlessRunTests(HeadlessRunTests.Notebook04 run) : IClassFixture<HeadlessRunTests.Notebook04>
{
    private const int ChartsIn04 = 5;

    [Fact]
    public void The_headless_run_writes_the_executed_notebook_with_its_outputs()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailureReason);
        var executed = NotebookFile.Read(run.Result.NotebookPath!);
        var codeCells = NotebookFile.CodeCells(executed).Select(c => c.Cell).ToList();

        Assert.All(codeCells, c => Assert.True(c.ExecutionOrder > 0));
        Assert.Contains(codeCells, c => c.Outputs.Count > 0);
        Assert.Equal(NotebookFile.CodeCells(NotebookFile.Read(CourseNotebooks.PathOf("04-results-and-plots"))).Select(c => c.Cell.Contents), codeCells.Select(c => c.Contents));
    }

    [Fact]
    public void Every_chart_of_the_run_carries_plotly_js_and_the_page_keeps_one_copy()
    {
        var charts = run.Result.Run!.Cells.SelectMany(c => c.Result.ValuesOf("text/html")).Where(PlotlyHtml.IsChart).ToList();
        var page = File.ReadAllText(run.Result.HtmlPath!);

        Assert.Equal(ChartsIn04, charts.Count);
        Assert.All(charts, c => Assert.True(PlotlyHtml.EmbedsPlotlyJs(c)));
        Assert.Single(Regex.Matches(page, Regex.Escape(ChartOutput.EmbeddedScriptMarker)));
        Assert.Equal(ChartsIn04, Regex.Matches(page, "Plotly chart will be drawn inside this DIV").Count);
        Assert.DoesNotMatch(@"<script[^>]+src=""http", page);
    }

    [ChromiumFact]
    public async Task Chromium_draws_every_chart_of_the_page_with_its_data_and_no_network()
    {
        var dom = await Chromium.DumpDomAsync(run.Result.HtmlPath!);

        // plotly.js draws each chart into an SVG of its own, so only a page whose script really ran has these.
        Assert.Equal(ChartsIn04, Regex.Matches(dom, @"<div class=""[^""]*\bsvg-container\b").Count);
        // The loss curve, and in the training replay the whole run's loss and the loss so far: each with many points.
        Assert.Equal(3, Regex.Matches(dom, @"<path class=""js-line"" d=""M[^""]{200,}""").Count);
        Assert.Equal(2, Regex.Matches(dom, @"<g class=""hm""").Count);                     // the two decision-boundary heatmaps
        // XOR's four points on each boundary, and the 2-4-1 network's seven neurons in its drawing and in the replay.
        Assert.Equal(2 * 4 + 2 * 7, Regex.Matches(dom, @"<path class=""point""").Count);
    }

    /// <summary>Runs notebook 04 through the headless run once.</summary>
    public sealed class Notebook04() : HeadlessRunFixture("04-results-and-plots");
}
