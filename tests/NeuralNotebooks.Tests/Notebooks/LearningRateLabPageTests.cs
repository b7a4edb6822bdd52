using System.Globalization;
using System.Text.RegularExpressions;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using Xunit.Abstractions;

using static NeuralNotebooks.Tests.Notebooks.SliderPage;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// Notebook 05's offline HTML page, as the headless run writes it: a real browser moves the learning-rate slider with the
/// mouse, and the chart must then draw the loss curve, the boundary and the predictions of the rate picked.
/// </summary>
[Collection(StockKernel.Name)]
public sealed class LearningRateLabPageTests(LearningRateLabPageTests.Notebook05 run, ITestOutputHelper log) : IClassFixture<LearningRateLabPageTests.Notebook05>
{
    private const int Epochs = 3000;

    [Fact]
    public void The_page_stays_a_few_megabytes_with_plotly_js_in_it_once()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailureReason);
        var page = File.ReadAllText(run.Result.HtmlPath!);
        var size = new FileInfo(run.Result.HtmlPath!).Length;
        log.WriteLine($"05-learning-rate-lab.html: {size:N0} bytes; kernel start {run.Result.KernelStart.TotalSeconds:0.0} s, cells {run.Result.Run!.Elapsed.TotalSeconds:0.0} s:");
        foreach (var cell in run.Result.Run.Cells)
        {
            log.WriteLine($"  {cell.Result.Elapsed.TotalSeconds,5:0.00} s  {cell.Code.Split('\n')[0]}");
        }

        Assert.Single(Regex.Matches(page, Regex.Escape(ChartOutput.EmbeddedScriptMarker)));
        // plotly.js is 3.6 MB of it; the 41 rates' curves, boundaries and predictions must stay small beside it.
        Assert.InRange(size, 3_600_000, 5_000_000);
    }

    [ChromiumFact]
    public async Task Moving_the_slider_on_the_notebooks_page_draws_the_curve_and_boundary_of_the_rate_picked()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailureReason);
        var rates = Enumerable.Range(0, 41).Select(k => Math.Pow(10, -2 + k / 10.0)).ToArray();
        await using var page = await ChromiumPage.OpenAsync(run.Result.HtmlPath!);
        await page.WaitUntilAsync($"{Lab} && {Lab}.querySelector('.slider-grip-rect') && {Lab}.querySelector('.hm image')");
        await page.EvaluateAsync($"{Lab}.scrollIntoView()");
        var start = await RateLabAsync(page, Lab);
        // The slider starts at the rate at the top of the notebook, 0.5: the nearest of the sweep's is 10^-0.3.
        Assert.StartsWith("η = 0.5012: about right", start.Title, StringComparison.Ordinal);
        AssertShows(rates[17], start);

        await page.ClickAsync(await TickAsync(page, 30, Lab));
        await page.WaitUntilAsync($"{Lab}.querySelector('.gtitle').textContent.startsWith('η = 10:')");
        var ten = await RateLabAsync(page, Lab);
        Assert.StartsWith("η = 10 (", ten.CurrentValue, StringComparison.Ordinal);
        AssertShows(rates[30], ten);
        Assert.NotEqual(start.Image, ten.Image);
        Assert.NotEqual(start.Path, ten.Path);

        await page.DragAsync(await GripAsync(page, Lab), await TickAsync(page, 40, Lab));
        await page.WaitUntilAsync($"{Lab}.querySelector('.gtitle').textContent.startsWith('η = 100:')");
        var stuck = await RateLabAsync(page, Lab);
        Assert.StartsWith("η = 100: too large: stuck", stuck.Title, StringComparison.Ordinal);
        AssertShows(rates[40], stuck);
        Assert.NotEqual(ten.Image, stuck.Image);
    }

    /// <summary>The chart with the slider: the page also holds the notebook's other chart.</summary>
    private const string Lab = "[...document.querySelectorAll('.js-plotly-plot')].find(g => g.layout && g.layout.sliders)";

    /// <summary>What training at <paramref name="rate"/> from the seed-42 start gives, computed here, is what is drawn.</summary>
    private static void AssertShows(double rate, RateLabDrawn drawn)
    {
        var network = new SimpleNeuralNetwork(hiddenUnits: 4, seed: 42);
        var losses = network.Train(Xor.Inputs, Xor.Targets, Epochs, rate).Losses;
        Assert.Equal(Epochs - 1, drawn.Epochs[^1]);
        for (var k = 0; k < drawn.Epochs.Length; k += 7)
        {
            var real = losses[(int)drawn.Epochs[k]];
            Assert.Equal(real, drawn.Losses[k], real * 5e-4);
        }
        // The line itself was redrawn: its last vertex is where the last loss belongs on the axes.
        Assert.Equal(drawn.ExpectedLastPoint.X, drawn.PathEnd.X, 1.0);
        Assert.Equal(drawn.ExpectedLastPoint.Y, drawn.PathEnd.Y, 1.0);
        for (var r = 0; r < 21; r += 5)
        {
            for (var c = 0; c < 21; c += 5)
            {
                var expected = network.Predict(c / 20.0, r / 20.0);
                Assert.Equal(expected, drawn.Boundary[r][c], Math.Max(expected * 5e-4, 1e-12));
            }
        }
        Assert.Equal(
            new[] { (0, 0), (0, 1), (1, 0), (1, 1) }.Select(p => network.Predict(p.Item1, p.Item2).ToString("0.000", CultureInfo.InvariantCulture)),
            drawn.Labels);
        Assert.Equal(rate, drawn.MarkedRate, rate * 1e-3);
    }

    /// <summary>Runs notebook 05 through the headless run once (as <c>run</c> does).</summary>
    public sealed class Notebook05() : HeadlessRunFixture("05-learning-rate-lab");
}
