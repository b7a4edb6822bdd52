using System.Globalization;
using System.Text.Json;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;
using Plotly.NET;

using static NeuralNotebooks.Tests.Notebooks.SliderPage;

namespace NeuralNotebooks.Tests.Notebooks;

// The test project's Charts namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

/// <summary>
/// The charts with sliders, opened as offline pages in a real browser: moving the slider with the mouse must redraw
/// each panel with the data of the step it lands on.
/// </summary>
public sealed class ChartSliderTests : IDisposable
{
    private const string Orange = "rgb(245, 147, 34)", Blue = "rgb(8, 119, 189)";
    private readonly DirectoryInfo _pages = Directory.CreateTempSubdirectory("chart-sliders-");

    public void Dispose() => _pages.Delete(recursive: true);

    [ChromiumFact]
    public async Task Moving_the_learning_rate_slider_redraws_the_loss_the_boundary_the_predictions_and_the_regime()
    {
        var runs = LearningRateSweep.Run(LearningRateSweep.LogSpaced(0.01, 100, 41), Xor.Inputs, Xor.Targets, 3000);
        await using var page = await ChromiumPage.OpenAsync(Page(Charts.LearningRateSlider(runs, Xor.Inputs, Xor.Targets, 0.01, learningRate: 0.5)));
        await page.WaitUntilAsync("document.querySelector('.slider-grip-rect') && document.querySelector('.hm image')");
        var start = await RateLabAsync(page);
        Assert.Contains("η = 0.5012: about right", start.Title, StringComparison.Ordinal);
        AssertShows(runs[17], start);

        await page.ClickAsync(await TickAsync(page, 40));
        await page.WaitUntilAsync("document.querySelector('.gtitle').textContent.startsWith('η = 100:')");
        var stuck = await RateLabAsync(page);

        Assert.Contains("too large: stuck, its neurons saturated", stuck.Title, StringComparison.Ordinal);
        Assert.Equal("η = 100 (too large: stuck, its neurons saturated)", stuck.CurrentValue);
        AssertShows(runs[40], stuck);
        Assert.NotEqual(start.Image, stuck.Image);
        Assert.NotEqual(start.Path, stuck.Path);

        await page.DragAsync(await GripAsync(page), await TickAsync(page, 0));
        await page.WaitUntilAsync("document.querySelector('.gtitle').textContent.startsWith('η = 0.01:')");
        var crawling = await RateLabAsync(page);

        Assert.Contains("too small", crawling.Title, StringComparison.Ordinal);
        AssertShows(runs[0], crawling);
        Assert.NotEqual(stuck.Image, crawling.Image);
    }

    [ChromiumFact]
    public async Task Moving_the_epoch_slider_redraws_every_weight_the_neurons_and_the_loss_so_far()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        var recorder = new NetworkRecorder(network, every: 300);
        network.TrainStepByStep(Xor.Inputs, Xor.Targets, 3000, 1.0, recorder.Record);
        await using var page = await ChromiumPage.OpenAsync(Page(Charts.NetworkTraining(recorder, [1, 0])));
        await page.WaitUntilAsync("document.querySelector('.slider-grip-rect') && document.querySelectorAll('.subplot.xy .scatterlayer .trace').length === 13");
        var largest = recorder.Snapshots.Max(s => s.Weights.Max(w => w.Enumerate().Max(Math.Abs)));
        var end = await NetworkAsync(page);
        AssertShows(recorder, recorder.Snapshots[^1], largest, end);

        await page.ClickAsync(await TickAsync(page, 1));
        await page.WaitUntilAsync("document.querySelector('.gtitle').textContent.includes('after 300 epochs')");
        var early = await NetworkAsync(page);

        Assert.Equal("epochs trained: 300", early.CurrentValue);
        AssertShows(recorder, recorder.Snapshots[1], largest, early);
        Assert.NotEqual(end.Widths, early.Widths);

        await page.DragAsync(await GripAsync(page), await TickAsync(page, 6));
        await page.WaitUntilAsync("document.querySelector('.gtitle').textContent.includes('after 1800 epochs')");
        AssertShows(recorder, recorder.Snapshots[6], largest, await NetworkAsync(page));
    }

    /// <summary>The step's loss curve (its real losses, drawn to its last point), boundary (its network's predictions) and predictions.</summary>
    private static void AssertShows(SweepRun run, RateLabDrawn drawn)
    {
        Assert.Equal(2999, drawn.Epochs[^1]);
        for (var k = 0; k < drawn.Epochs.Length; k += 10)
        {
            var real = run.History.Losses[(int)drawn.Epochs[k]];
            Assert.Equal(real, drawn.Losses[k], real * 5e-4);
        }
        Assert.Equal(drawn.ExpectedLastPoint.X, drawn.PathEnd.X, 1.0);
        Assert.Equal(drawn.ExpectedLastPoint.Y, drawn.PathEnd.Y, 1.0);
        for (var r = 0; r < 21; r += 4)
        {
            for (var c = 0; c < 21; c += 4)
            {
                var expected = run.Network!.Predict(c / 20.0, r / 20.0);
                Assert.Equal(expected, drawn.Boundary[r][c], Math.Max(expected * 5e-4, 1e-12));
            }
        }
        Assert.Equal(
            new[] { (0, 0), (0, 1), (1, 0), (1, 1) }.Select(p => run.Network!.Predict(p.Item1, p.Item2).ToString("0.000", CultureInfo.InvariantCulture)),
            drawn.Labels);
    }

    /// <summary>Every line drawn as wide as its weight at the snapshot, in its sign's colour; the neurons' activations; the loss up to there.</summary>
    private static void AssertShows(NetworkRecorder recording, NetworkSnapshot snapshot, double largest, NetworkDrawn drawn)
    {
        var weights = snapshot.Weights[0].ToRowMajorArray().Concat(snapshot.Weights[1].ToColumnMajorArray()).ToArray();
        Assert.Equal(12, drawn.Widths.Length);
        for (var k = 0; k < 12; k++)
        {
            Assert.Equal(8 * Math.Abs(weights[k]) / largest, drawn.Widths[k], 0.01);
            Assert.Equal(weights[k] >= 0 ? Orange : Blue, drawn.Colors[k]);
        }
        var hidden = Enumerable.Range(0, 4).Select(j => Sigmoid(snapshot.Weights[0][0, j] + snapshot.Biases[0][0, j])).ToArray();
        var output = Sigmoid(hidden.Select((a, j) => a * snapshot.Weights[1][j, 0]).Sum() + snapshot.Biases[1][0, 0]);
        Assert.All(hidden.Append(output).Zip(drawn.Activations.Skip(2)), p => Assert.Equal(p.First, p.Second, 5e-4));
        Assert.Equal(drawn.ExpectedLastPoint.X, drawn.PathEnd.X, 1.0);
        Assert.Equal(recording.Losses[snapshot.Epoch - 1], drawn.LastLoss, recording.Losses[snapshot.Epoch - 1] * 5e-4);

        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
    }

    private string Page(GenericChart chart)
    {
        var file = Path.Combine(_pages.FullName, $"{Guid.NewGuid():N}.html");
        File.WriteAllText(file, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{ChartOutput.OfflineHtml(chart)}</body></html>");
        return file;
    }

    private static async Task<NetworkDrawn> NetworkAsync(ChromiumPage page)
    {
        var drawn = await page.EvaluateAsync("""
            (() => {
              const gd = document.querySelector('.js-plotly-plot');
              const lines = [...gd.querySelectorAll('.subplot.xy .scatterlayer .trace')].slice(0, 12).map(t => t.querySelector('path.js-line'));
              const soFar = gd.data[14];
              return {
                current: gd.querySelector('.slider-group > text').textContent,
                widths: lines.map(p => parseFloat(p.style.strokeWidth)),
                colors: lines.map(p => p.style.stroke),
                activations: gd.data[12].marker.color,
                path: [...gd.querySelectorAll('.subplot.x2y2 .scatterlayer .trace')][1].querySelector('path.js-line').getAttribute('d'),
                lastLoss: soFar.y.at(-1),
                expected: [gd._fullLayout.xaxis2.l2p(Math.log10(soFar.x.at(-1))), 0],
              };
            })()
            """);
        return new NetworkDrawn(
            drawn.GetProperty("current").GetString()!, Numbers(drawn.GetProperty("widths")),
            drawn.GetProperty("colors").EnumerateArray().Select(c => c.GetString()!).ToArray(), Numbers(drawn.GetProperty("activations")),
            drawn.GetProperty("path").GetString()!, drawn.GetProperty("lastLoss").GetDouble(), Point(drawn.GetProperty("expected")));
    }

    /// <summary>What the epoch slider's page shows: each line's width and colour, the neurons' fill, the loss so far.</summary>
    private sealed record NetworkDrawn(
        string CurrentValue, double[] Widths, string[] Colors, double[] Activations, string Path, double LastLoss, (double X, double Y) ExpectedLastPoint)
    {
        public (double X, double Y) PathEnd => SliderPage.LastVertex(Path);
    }
}
