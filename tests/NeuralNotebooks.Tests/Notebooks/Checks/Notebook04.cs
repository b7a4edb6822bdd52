using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook04 : NotebookCheck
{
    public override string Notebook => "04-results-and-plots";

    public override void Check(ExecutedNotebook run)
    {
        var reference = BlogReference.Text("xor-lr1.0-epochs10000.txt");
        Assert.Contains(BlogReference.LinesAfter(reference, BlogReference.Predictions), run.Output, StringComparison.Ordinal);
        Assert.Contains(BlogReference.LinesAfter(reference, BlogReference.NoisyInputs), run.Output, StringComparison.Ordinal);
        run.AssertProgressEndsAt("10,000 / 10,000 epochs");

        // "A plateau near 0.25, then a sudden drop": the blog's own lines for epochs 0 to 500.
        var first = BlogReference.EpochLines(reference).Split('\n').Take(6);
        Assert.Contains(string.Concat(first.Select(l => l + "\n")), run.Output, StringComparison.Ordinal);
        Assert.True(Loss(run, 100) > 0.23 && Loss(run, 300) < 0.05);

        // Charts: the loss curve, two boundaries, the network, the training replay.
        Assert.Equal(5, run.Charts.Count);
        var losses = ExecutedNotebook.Numbers(Assert.Single(run.Charts[0]), "y");
        Assert.Equal(10_000, losses.Length);
        Assert.Equal(BlogReference.Train(learningRate: 1.0, epochs: 10_000).Losses, losses);
        foreach (var boundary in run.Charts.Skip(1).Take(2))
        {
            Assert.Equal(["heatmap", "scatter", "scatter"], boundary.Select(t => t.GetProperty("type").GetString()));
            Assert.Equal(50, boundary[0].GetProperty("z").GetArrayLength());
            Assert.Equal(4, boundary.Skip(1).Sum(t => t.GetProperty("x").GetArrayLength()));
        }
        Assert.Equal(12 + 1, run.Charts[3].Count); // a line per weight of the 2-4-1 network, one trace of its neurons
        Assert.Contains("\"sliders\":[{", run.ChartHtml[4], StringComparison.Ordinal);

        // The 6×6 grid: 1 in the corners (0, 1) and (1, 0), 0 along the diagonal from (0, 0) to (1, 1), the centre included.
        var grid = run.OutputOf("for (var row = 5; row >= 0; row--)").TrimEnd('\n').Split('\n')
            .Select(line => line.Split("  ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(6, grid.Length);
        Assert.Equal((1.0, 1.0), (grid[0][0], grid[5][5]));
        Assert.All(Enumerable.Range(0, 6), i => Assert.True(grid[5 - i][i] <= 0.1, $"({i / 5.0}, {i / 5.0})"));

        // The blog's settings: "almost the same colour everywhere".
        var range = Regex.Match(run.Output, @"answers between ([0-9.]+) and ([0-9.]+) everywhere");
        Assert.InRange(Parse(range.Groups[1].Value), 0.4, 0.5);
        Assert.InRange(Parse(range.Groups[2].Value), 0.5, 0.6);

        // The replay: the largest weight grows by about half on the plateau, more than triples during the drop (epochs
        // 100 to 300), then keeps growing ever more slowly while the loss keeps falling.
        var largest = Regex.Matches(run.Output, @"after +(\d+) epochs: largest \|weight\| ([0-9.]+)")
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => Parse(m.Groups[2].Value));
        Assert.Equal([0, 100, 200, 300, 500, 1000, 10_000], largest.Keys);
        Assert.InRange(largest[100] / largest[0], 1.3, 1.8);
        Assert.True(largest[300] > 3 * largest[100], $"{largest[100]} → {largest[300]}");
        var perEpoch = new[] { (300, 500), (500, 1000), (1000, 10_000) }.Select(p => (largest[p.Item2] - largest[p.Item1]) / (p.Item2 - p.Item1)).ToList();
        Assert.All(perEpoch, growth => Assert.True(growth > 0));
        Assert.Equal(perEpoch.OrderDescending(), perEpoch);
        var lossAt = Regex.Matches(run.Output, @"largest \|weight\| [0-9.]+, loss ([0-9.]+)").Select(m => Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(lossAt.OrderDescending(), lossAt);
    }

    private static double Loss(ExecutedNotebook run, int epoch) => run.Number($@"Epoch {epoch}, Loss: ([0-9.]+)");

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
