using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook05 : NotebookCheck
{
    public override string Notebook => "05-learning-rate-lab";

    public override void Check(ExecutedNotebook run)
    {
        Assert.Contains("η = 0.5: loss 0.2522 → ", run.Output, StringComparison.Ordinal);

        // The sweep: 41 rates, ten per factor of ten, from 0.01 to 100.
        var table = Regex.Matches(run.Output, @"η = +(\S+): below 0\.01 at epoch +(\S+), last loss (\S+)  (\w+)\n")
            .Select(m => new Row(Parse(m.Groups[1].Value), m.Groups[2].Value == "never" ? null : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                                 Parse(m.Groups[3].Value), m.Groups[4].Value))
            .ToList();
        Assert.Equal(41, table.Count);
        Assert.Equal(0.01, table[0].Rate);
        Assert.Equal(100, table[^1].Rate);
        Assert.Equal(Enumerable.Range(0, 41).Select(k => Math.Round(Math.Pow(10, -2 + k / 10.0), 4)), table.Select(r => r.Rate));

        // "The very smallest have hardly left the plateau near 0.25."
        Assert.InRange(table[0].LastLoss, 0.24, 0.2522);

        // The U: never, then strictly fewer epochs up to the fastest, strictly more after it, then never again.
        var reached = Enumerable.Range(0, table.Count).Where(i => table[i].Epochs is not null).ToList();
        Assert.Equal(Enumerable.Range(reached[0], reached.Count), reached);
        var bottom = reached.MinBy(i => table[i].Epochs!.Value);
        Assert.All(reached.Where(i => i < bottom), i => Assert.True(table[i].Epochs > table[i + 1].Epochs, $"η = {table[i].Rate}"));
        Assert.All(reached.Where(i => i > bottom), i => Assert.True(table[i].Epochs > table[i - 1].Epochs, $"η = {table[i].Rate}"));
        Assert.True(reached[0] > 0 && reached[^1] < table.Count - 1);
        Assert.All(table.Take(reached[0]), r => Assert.Equal("TooSmall", r.Regime));
        Assert.All(table.Skip(reached[0]).Take(bottom - reached[0] + 1), r => Assert.Equal("AboutRight", r.Regime));
        Assert.All(table.Skip(bottom + 1).Take(reached[^1] - bottom), r => Assert.Equal("Overshooting", r.Regime));

        // "The fastest rate is more than a hundred times the 0.1 the blog used"; the printed summary agrees with the table.
        Assert.True(table[bottom].Rate > 100 * 0.1, $"fastest η = {table[bottom].Rate}");
        Assert.Contains($"fastest: η = {table[bottom].Rate.ToString("0.####", CultureInfo.InvariantCulture)}, at epoch {table[bottom].Epochs}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"regimes: TooSmall {reached[0]}, AboutRight {bottom - reached[0] + 1}, ", run.Output, StringComparison.Ordinal);

        // Above 10: even the fastest climb far above the start first; from about 40 on none comes back, most stuck at 0.5000,
        // one near 50 wandering around 0.5.
        var large = Regex.Matches(run.Output, @"η = +(\S+): highest loss (\S+) \(epoch \d+\), last (\S+)  (\w+)\n")
            .Select(m => (Rate: Parse(m.Groups[1].Value), Highest: Parse(m.Groups[2].Value), Last: Parse(m.Groups[3].Value), Regime: m.Groups[4].Value)).ToList();
        Assert.Equal(table.Count(r => r.Rate > 10), large.Count);
        Assert.All(large.Where(r => r.Rate < table[bottom].Rate + 0.1), r => Assert.True(r.Highest > 0.4, $"η = {r.Rate}"));
        var neverBack = table.Skip(reached[^1] + 1).ToList();
        Assert.InRange(neverBack[0].Rate, 35, 45);
        Assert.Single(neverBack, r => r.Regime == "Overshooting");
        var wandering = Assert.Single(large, r => r.Regime == "Overshooting" && r.Rate > 35);
        Assert.InRange(wandering.Rate, 45, 55);
        Assert.InRange(wandering.Last, 0.45, 0.55);
        Assert.All(neverBack.Where(r => r.Regime != "Overshooting"), r => Assert.Equal(("Saturated", 0.5), (r.Regime, r.LastLoss)));

        // The slider: one step per rate, starting at the rate at the top (0.5), its U-shape drawn below.
        var slider = Assert.Single(run.ChartHtml);
        Assert.Equal(41, Regex.Matches(slider, "\"method\":\"update\"").Count);
        Assert.Contains("η = 0.5012: about right", slider, StringComparison.Ordinal);

        // Overflow, reported with its epoch and the rate.
        Assert.Contains("Training diverged at epoch 0: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("(learning rate 1E+308). Try a smaller learning rate.", run.Output, StringComparison.Ordinal);

        // The blog's surprise: the plateau ends about two fifths of the way to 0.01.
        var surprise = Regex.Match(run.Output, @"At η = 0\.1 the loss first drops below 0\.2 at epoch (\d+), and below 0\.01 at epoch (\d+)\.");
        Assert.True(surprise.Success, run.Output);
        Assert.InRange(Parse(surprise.Groups[1].Value) / Parse(surprise.Groups[2].Value), 0.35, 0.45);
        run.AssertProgressEndsAt("20,000 / 20,000 epochs");
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record Row(double Rate, int? Epochs, double LastLoss, string Regime);
}
