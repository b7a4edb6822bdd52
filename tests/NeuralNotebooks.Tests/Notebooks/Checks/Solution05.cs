using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution05 : NotebookCheck
{
    public override string Notebook => "solutions/05-learning-rate-lab";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: each tenfold rate from 0.1 to 10 leaves the plateau and reaches 0.01 several times sooner; 10 climbs
        // first; 50 climbs to 0.5, sits there for hundreds of epochs and escapes; 50.12 never does.
        var rates = Regex.Matches(run.Output, @"η = +(\S+): below 0\.2 at epoch +(\S+), below 0\.01 at +(\S+); highest loss (\S+), last (\S+)\n")
            .ToDictionary(m => m.Groups[1].Value, m => (OffPlateau: Epoch(m.Groups[2].Value), Reached: Epoch(m.Groups[3].Value), Highest: Parse(m.Groups[4].Value), Last: Parse(m.Groups[5].Value)));
        Assert.Equal(["0.1", "1", "10", "50", "50.1187"], rates.Keys);
        Assert.True(rates["0.1"].OffPlateau > 3 * rates["1"].OffPlateau && rates["1"].OffPlateau > 3 * rates["10"].OffPlateau);
        Assert.Null(rates["0.1"].Reached);
        Assert.True(rates["1"].Reached > 3 * rates["10"].Reached);
        Assert.True(rates["10"].Highest > 0.3, $"{rates["10"]}");
        Assert.InRange(rates["50"].Highest, 0.49, 0.51);
        Assert.True(rates["50"].OffPlateau > 200 && rates["50"].Reached is not null, $"{rates["50"]}");
        Assert.Null(rates["50.1187"].Reached);
        Assert.InRange(rates["50.1187"].Last, 0.45, 0.55);

        // Exercise 2: at 0.001 the small rates drop out, the largest stays, the fastest moves one step up.
        var (loose, strict) = (Sweep(run, "target 0.01: "), Sweep(run, "target 0.001: "));
        Assert.True(strict.Count < loose.Count && strict.Smallest > loose.Smallest);
        Assert.Equal(loose.Largest, strict.Largest);
        Assert.Equal(Math.Pow(10, 0.1), strict.Fastest / loose.Fastest, 1e-3);

        // Exercise 3: with 8 hidden neurons the U keeps its bottom above 10, one step lower; the right wall comes closer.
        var (four, eight) = (Sweep(run, "4 hidden: "), Sweep(run, "8 hidden: "));
        Assert.Equal(loose, four);
        Assert.True(eight.Fastest > 10);
        Assert.Equal(Math.Pow(10, -0.1), eight.Fastest / four.Fastest, 1e-3);
        Assert.True(eight.Largest < four.Largest);
    }

    /// <summary>One line of exercise 2 or 3: how many rates got there, the smallest and largest, the fastest and its epoch.</summary>
    private static SweepLine Sweep(ExecutedNotebook run, string start)
    {
        var line = Regex.Match(run.Output, Regex.Escape(start) + @"(\d+) rates (?:get there|reach 0\.01), η = (\S+) to (\S+); fastest η = (\S+), at epoch (\d+)\n");
        Assert.True(line.Success, $"No line starting '{start}' in:\n{run.Output}");
        return new SweepLine(int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture), Parse(line.Groups[2].Value), Parse(line.Groups[3].Value),
                             Parse(line.Groups[4].Value), int.Parse(line.Groups[5].Value, CultureInfo.InvariantCulture));
    }

    private static int? Epoch(string text) => text == "never" ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record SweepLine(int Count, double Smallest, double Largest, double Fastest, int Epochs);
}
