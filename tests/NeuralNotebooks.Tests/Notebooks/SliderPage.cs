using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// Reads a plotly.js chart with a slider in a Chromium page: where the slider's ticks and grip are (to click and drag
/// them), and what the learning-rate slider (<c>Charts.LearningRateSlider</c>) has drawn.
/// </summary>
internal static partial class SliderPage
{
    /// <summary>A page's first chart, as a JavaScript expression.</summary>
    public const string FirstChart = "document.querySelector('.js-plotly-plot')";

    /// <summary>Where the slider's tick for step <paramref name="step"/> is, on the rail's centre line.</summary>
    public static async Task<(double X, double Y)> TickAsync(ChromiumPage page, int step, string chart = FirstChart) =>
        Point(await page.EvaluateAsync($$"""
            (() => {
              const gd = {{chart}};
              const tick = gd.querySelectorAll('.slider-tick-rect')[{{step}}].getBoundingClientRect();
              const rail = gd.querySelector('.slider-rail-rect').getBoundingClientRect();
              return [tick.x + tick.width / 2, rail.y + rail.height / 2];
            })()
            """));

    /// <summary>The centre of the slider's grip.</summary>
    public static async Task<(double X, double Y)> GripAsync(ChromiumPage page, string chart = FirstChart) =>
        Point(await page.EvaluateAsync($$"""
            (() => { const grip = {{chart}}.querySelector('.slider-grip-rect').getBoundingClientRect(); return [grip.x + grip.width / 2, grip.y + grip.height / 2]; })()
            """));

    /// <summary>What the learning-rate slider shows now.</summary>
    public static async Task<RateLabDrawn> RateLabAsync(ChromiumPage page, string chart = FirstChart)
    {
        var drawn = await page.EvaluateAsync($$"""
            (() => {
              const gd = {{chart}};
              const image = gd.querySelector('.subplot.x2y2 .hm image');
              const loss = gd.data[0];
              return {
                title: gd.querySelector('.gtitle').textContent,
                current: gd.querySelector('.slider-group > text').textContent,
                path: gd.querySelector('.subplot.xy .scatterlayer .trace path.js-line').getAttribute('d'),
                x: loss.x, y: loss.y, z: gd.data[2].z,
                image: image.getAttribute('xlink:href') || image.getAttribute('href'),
                labels: [...gd.querySelectorAll('.annotation-text')].map(e => e.textContent),
                expected: [gd._fullLayout.xaxis.l2p(Math.log10(loss.x.at(-1))), gd._fullLayout.yaxis.l2p(Math.log10(loss.y.at(-1)))],
                marked: gd.data[4].x[0],
              };
            })()
            """);
        return new RateLabDrawn(
            drawn.GetProperty("title").GetString()!, drawn.GetProperty("current").GetString()!, drawn.GetProperty("path").GetString()!,
            Numbers(drawn.GetProperty("x")), Numbers(drawn.GetProperty("y")), drawn.GetProperty("z").EnumerateArray().Select(Numbers).ToArray(),
            drawn.GetProperty("image").GetString()!, drawn.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray(),
            Point(drawn.GetProperty("expected")), drawn.GetProperty("marked").GetDouble());
    }

    public static (double X, double Y) Point(JsonElement pair) => (pair[0].GetDouble(), pair[1].GetDouble());

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>The last vertex of an SVG path ("M0,1L2,3…"), in the plot area's pixels.</summary>
    public static (double X, double Y) LastVertex(string path)
    {
        var numbers = VertexPattern().Matches(path).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return (numbers[^2], numbers[^1]);
    }

    [GeneratedRegex(@"-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?")]
    private static partial Regex VertexPattern();
}

/// <summary>What the learning-rate slider shows: title, current value, the loss path and its data, the boundary, the labels, the rate marked.</summary>
internal sealed record RateLabDrawn(
    string Title, string CurrentValue, string Path, double[] Epochs, double[] Losses, double[][] Boundary, string Image, string[] Labels,
    (double X, double Y) ExpectedLastPoint, double MarkedRate)
{
    public (double X, double Y) PathEnd => SliderPage.LastVertex(Path);
}
