using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution02 : NotebookCheck
{
    public override string Notebook => "solutions/02-forward-pass";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: seeds start anywhere (seed 3 near 0.1, seed 2 above 0.6), but each seed answers all four inputs alike;
        // none of 1,000 gets all four right, and none starts much below the 0.25 of answering 0.5 everywhere.
        Assert.All(Predictions(run.Output, "seed 3: "), p => Assert.InRange(p, 0.1, 0.12));
        Assert.All(Predictions(run.Output, "seed 2: "), p => Assert.InRange(p, 0.6, 0.65));
        Assert.True(run.Number(@"farthest prediction from 0.5: ([0-9.]+)") > 0.4);
        Assert.True(run.Number(@"widest spread between one seed's four predictions: ([0-9.]+)") < 0.25);
        Assert.Contains("seeds with all four predictions on the right side of 0.5: 0\n", run.Output, StringComparison.Ordinal);
        Assert.InRange(run.Number(@"lowest starting loss: ([0-9.]+)"), 0.24, 0.25);

        // Exercise 2: the width is W1's, b1's, Z1's and A1's columns and W2's rows; the wide W1's first row is the narrow W1.
        Assert.Contains("W1: 2×8\nb1: 1×8\nZ1: 4×8\nA1: 4×8\nW2: 8×1\nA2: 4×1\n", run.Output, StringComparison.Ordinal);
        var wideRow = Regex.Match(run.Output, @"8 units, W1 row 0: +(.+)\n").Groups[1].Value;
        Assert.Equal(wideRow, Regex.Match(run.Output, @"4 units, W1 rows 0 and 1: (.+)\n").Groups[1].Value);
        Assert.StartsWith("-0.2509 0.9014", wideRow, StringComparison.Ordinal);

        // Exercise 3: the hand sums are Z1's third row, exactly.
        var byHand = Regex.Matches(run.Output, @"neuron \d: .* = (-?[0-9.]+)\n").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, byHand.Count);
        Assert.Contains($"Z1, row 2:  {string.Join("  ", byHand)}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("exactly W1's first row + b1: True\n", run.Output, StringComparison.Ordinal);

        // Exercise 4: ten times W2 sends every prediction above 0.9, saturates the output (slope from about 0.25 to below 0.08),
        // is wrong for (0, 0) and (1, 1), and raises the loss.
        var (before, after) = BeforeAndAfter(run.Output, "A2");
        Assert.All(after, a => Assert.True(a > 0.9));
        Assert.Equal([0.0, 1, 1, 0], BeforeAndAfter(run.Output, "y").Before);
        var (slopeBefore, slopeAfter) = BeforeAndAfter(run.Output, "slope");
        Assert.All(slopeBefore, s => Assert.True(s > 0.24));
        Assert.All(slopeAfter, s => Assert.True(s < 0.08));
        Assert.Equal(4, before.Length);
        var loss = Regex.Match(run.Output, @"loss ([0-9.]+) → ([0-9.]+)\n");
        Assert.Equal("0.2522", loss.Groups[1].Value);
        Assert.True(Value(loss, 2) > Value(loss, 1));
    }

    private static double[] Predictions(string output, string prefix) =>
        Regex.Match(output, Regex.Escape(prefix) + "(.+)\n").Groups[1].Value.Split("  ").Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A line "NAME  four numbers   →  four numbers" (or one set, for y) of exercise 4.</summary>
    private static (double[] Before, double[] After) BeforeAndAfter(string output, string name)
    {
        var line = Regex.Match(output, $@"^{name} +(.+)$", RegexOptions.Multiline).Groups[1].Value;
        var halves = line.Split('→').Select(h => h.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (halves[0], halves.Length > 1 ? halves[1] : []);
    }

    private static double Value(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
