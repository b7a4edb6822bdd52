using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution08 : NotebookCheck
{
    public override string Notebook => "solutions/08-datasets-and-decision-boundaries";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: at noise 0.3 the spiral suffers most (its best network gets about three in four), the Gaussian clusters
        // hardly notice, and the deepest network is not the best on the spiral.
        Assert.Equal(5 * 2, run.Charts[0].Count);
        var noisy = Regex.Matches(run.Output, @"^(xor|circle|gaussian|spiral|moons) +([0-9.]+) % +([0-9.]+) % +([0-9.]+) % +([0-9.]+) %$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => Enumerable.Range(2, 4).Select(g => Value(m, g)).ToArray());
        Assert.Equal(5, noisy.Count);
        Assert.Equal("spiral", noisy.MinBy(p => p.Value.Max()).Key);
        Assert.InRange(noisy["spiral"].Max(), 70, 80);
        Assert.All(noisy["gaussian"], a => Assert.True(a >= 95));
        Assert.True(noisy["spiral"][3] < noisy["spiral"][2]);

        // Exercise 2: at Adam 0.02 only the deepest tanh network learns the spiral; the others stay near 60 % with a loss near
        // 0.66, below ln 2. At Adam 0.1 the middle two reach about three in four and the deepest ends at 50 % above ln 2.
        var tanh = Regex.Matches(run.Output, @"^tanh, Adam +([0-9.]+), (\S+) +last loss ([0-9.]+), accuracy +([0-9.]+) %$", RegexOptions.Multiline)
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => (Loss: Value(m, 3), Accuracy: Value(m, 4)));
        Assert.Equal(8, tanh.Count);
        Assert.True(tanh[("0.02", "2-16-16-16-1")].Accuracy >= 85);
        foreach (var shape in new[] { "2-2-1", "2-8-1", "2-16-16-1" })
        {
            Assert.InRange(tanh[("0.02", shape)].Accuracy, 55, 65);
            Assert.InRange(tanh[("0.02", shape)].Loss, 0.62, Math.Log(2));
        }
        Assert.All(new[] { "2-8-1", "2-16-16-1" }, shape => Assert.InRange(tanh[("0.1", shape)].Accuracy, 70, 80));
        Assert.Equal(50.0, tanh[("0.1", "2-16-16-16-1")].Accuracy);
        Assert.True(tanh[("0.1", "2-16-16-16-1")].Loss > Math.Log(2));
        Assert.Equal(4 * 3, run.Charts[1].Count);

        // Exercise 3: the smallest shape above 95 % has two hidden layers; no single hidden layer gets there, not even 64 wide
        // with more weights and biases.
        var tried = Regex.Matches(run.Output, @"^(2-[0-9-]+) +(\d+) weights and biases, accuracy +([0-9.]+) %$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Parameters: (int)Value(m, 2), Accuracy: Value(m, 3)));
        Assert.Equal(10, tried.Count);
        Assert.Equal(2 * 4 + 4 + 4 * 4 + 4 + 4 * 1 + 1, tried["2-4-4-1"].Parameters);
        var smallest = Regex.Match(run.Output, @"smallest above 95%: (2-[0-9-]+) \((\d+) weights and biases\)");
        Assert.True(smallest.Success);
        var shapeOfSmallest = smallest.Groups[1].Value;
        Assert.Equal(2, shapeOfSmallest.Split('-').Length - 2);
        Assert.True(tried[shapeOfSmallest].Accuracy > 95);
        Assert.All(tried.Where(t => t.Value.Parameters < tried[shapeOfSmallest].Parameters), t => Assert.True(t.Value.Accuracy <= 95, t.Key));
        Assert.All(tried.Where(t => t.Key.Split('-').Length == 3), t => Assert.True(t.Value.Accuracy <= 95, t.Key));
        Assert.True(tried["2-64-1"].Parameters > tried[shapeOfSmallest].Parameters);

        // Exercise 4: two edges leave about one point in six wrong; three enclose the circle.
        var circle = Regex.Matches(run.Output, @"^2-(\d+)-1 on the circle: accuracy ([0-9.]+) %$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => Value(m, 2));
        Assert.InRange(circle["2"], 80, 88);
        Assert.All(new[] { "3", "4", "8" }, w => Assert.True(circle[w] >= 98, $"2-{w}-1: {circle[w]} %"));
        Assert.Equal(3, run.Charts[2].Count);

        // Exercise 5: stopped at the lowest test loss, the test loss is a fraction of the 200-epoch one, one more test flower right.
        var runs = Regex.Matches(run.Output, @"^(\d+) epochs *: training loss ([0-9.]+), test loss ([0-9.]+), test accuracy ([0-9.]+) %, training accuracy ([0-9.]+) %$", RegexOptions.Multiline)
            .Select(m => (Epochs: (int)Value(m, 1), TestLoss: Value(m, 3), TestAccuracy: Value(m, 4))).ToList();
        Assert.Equal(2, runs.Count);
        var (early, full) = (runs[0], runs[1]);
        Assert.Equal(200, full.Epochs);
        Assert.True(early.Epochs < 200);
        Assert.True(early.TestLoss < full.TestLoss / 2);
        Assert.Equal(Math.Round(full.TestAccuracy * 45 / 100) + 1, Math.Round(early.TestAccuracy * 45 / 100)); // flowers right of the 45
    }

    private static double Value(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
