using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook09 : NotebookCheck
{
    public override string Notebook => "09-optimizers-and-batches";

    public override void Check(ExecutedNotebook run)
    {
        // Four charts: the optimisers' curves, the batch sizes' curves, L2's train and test curves, L2's boundaries.
        Assert.Equal(4, run.Charts.Count);
        Assert.Equal(3, run.Charts[0].Count);
        Assert.Equal(3, run.Charts[1].Count);
        Assert.Equal(4, run.Charts[2].Count); // a solid training line and a dashed test line per network
        Assert.Contains("loss (binary cross-entropy)", run.ChartHtml[0], StringComparison.Ordinal);

        // Momentum's steps grow; Adam moves both weights by η while SGD moves one ten thousand times as far as the other.
        Assert.Contains("step 1: moved -0.050, W = 0.950\nstep 2: moved -0.095, W = 0.855\nstep 3: moved -0.136, W = 0.720\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("t = 1: Adam moves 0.0100 and 0.0100; SGD would move 1.0000 and 0.0001\n", run.Output, StringComparison.Ordinal);

        // Momentum takes SGD's first step, then leads and ends at about half SGD's loss; Adam trails for about 30 epochs
        // and ends at about three fifths of it.
        var sgd = Row(run.Output, "SGD");
        var momentum = Row(run.Output, "momentum");
        Assert.Equal(sgd[1], momentum[1]);
        Assert.True(momentum[2] < sgd[2]);
        Assert.Equal(1, run.Number(@"momentum: level with or behind SGD up to epoch (\d+),"));
        Assert.InRange(run.Number(@"momentum: .*; last loss (\d+) % of SGD's"), 45, 56);
        Assert.InRange(run.Number(@"Adam: level with or behind SGD up to epoch (\d+),"), 20, 40);
        Assert.InRange(run.Number(@"Adam: .*; last loss (\d+) % of SGD's"), 55, 67);

        // Mini-batches get much further per epoch; 10 and 60 end about level; only the full batch never goes up.
        var full = run.Number(@"batch 300: loss after 100 epochs ([0-9.]+)");
        var sixty = run.Number(@"batch  60: loss after 100 epochs ([0-9.]+)");
        var ten = run.Number(@"batch  10: loss after 100 epochs ([0-9.]+)");
        Assert.True(sixty < full / 2 && ten < full / 2);
        Assert.InRange(ten / sixty, 0.9, 1.1);
        Assert.Equal(0, run.Number(@"batch 300: .*, rose in (\d+) epochs"));
        Assert.True(run.Number(@"batch  60: .*, rose in (\d+) epochs") > 20);
        Assert.True(run.Number(@"batch  10: .*, rose in (\d+) epochs") > 20);

        // Without L2 the test loss is lowest early and ends far above that; with L2 it stays near its lowest.
        var plain = TestLosses(run.Output, "no L2");
        var regularised = TestLosses(run.Output, "L2 λ = 0.02");
        Assert.True(plain.LowestAfter < 50);
        Assert.True(plain.End > 2 * plain.Lowest);
        Assert.True(plain.Train < regularised.Train);
        Assert.True(regularised.End <= 1.05 * regularised.Lowest);
        Assert.True(regularised.End < plain.End);

        // L2 keeps the weights about ten times smaller, costs training accuracy and gains test accuracy.
        var sizes = Regex.Matches(run.Output, @"weight size\s+([0-9.]+)   train (\d+) %   test ([0-9.]+) %").Select(m => m.Groups).ToList();
        Assert.Equal(2, sizes.Count);
        Assert.InRange(Parse(sizes[0][1].Value) / Parse(sizes[1][1].Value), 7, 14); // "about ten times smaller"
        Assert.True(Parse(sizes[0][2].Value) > Parse(sizes[1][2].Value));
        Assert.True(Parse(sizes[1][3].Value) > Parse(sizes[0][3].Value));
    }

    /// <summary>One optimiser's row of the table of losses at epochs 0, 1, 10, ….</summary>
    private static double[] Row(string output, string name) =>
        Regex.Match(output, $@"^{name} +(.+)$", RegexOptions.Multiline).Groups[1].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();

    private static (double Train, double Lowest, int LowestAfter, double End) TestLosses(string output, string name)
    {
        var line = Regex.Match(output, $@"{Regex.Escape(name)} +train loss ([0-9.]+)   test loss: lowest ([0-9.]+) after (\d+) epochs, at the end ([0-9.]+)");
        Assert.True(line.Success, $"No test-loss line for {name} in:\n{output}");
        return (Parse(line.Groups[1].Value), Parse(line.Groups[2].Value), int.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture), Parse(line.Groups[4].Value));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
