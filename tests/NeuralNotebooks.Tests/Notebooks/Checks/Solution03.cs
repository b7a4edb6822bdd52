using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution03 : NotebookCheck
{
    public override string Notebook => "solutions/03-backpropagation-and-training";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: at learning rate 1.0 the blog's own lines (its first ten); the loss below 0.01, every prediction
        // within 0.05 of its target; nearly where 0.1 gets in ten times the epochs.
        var fast = run.OutputOf("learningRate: 1.0");
        var blogAtOne = BlogReference.EpochLines(BlogReference.Text("xor-lr1.0-epochs10000.txt")).Split('\n').Take(10);
        Assert.StartsWith(string.Concat(blogAtOne.Select(l => l + "\n")), fast, StringComparison.Ordinal);
        Assert.Contains("Epoch 100, Loss: 0.2394\n", fast, StringComparison.Ordinal);
        Assert.True(Number(fast, @"after 1000 epochs: ([0-9.]+)") < 0.01);
        Assert.All(Predictions(fast), p => Assert.True(Math.Abs(p.Value - p.Target) < 0.05));
        var afterOne = Numbers(run.Output, @"η = 1\.0, 1,000 epochs: +(.+)\n");
        var afterTenThousand = Numbers(run.Output, @"η = 0\.1, 10,000 epochs: (.+)\n");
        Assert.All(afterOne.Zip(afterTenThousand), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 5e-5));

        // Exercise 2: down every 10 epochs at 0.1; never up at 0.1, 1, 2; up sometimes from 5 on, yet ending lower.
        var early = Regex.Matches(run.OutputOf("if (i % 10 == 0)"), @"Loss: ([0-9.]+)").Select(m => Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(10, early.Count);
        Assert.True(early.Zip(early.Skip(1)).All(pair => pair.Second < pair.First));
        foreach (var rate in new[] { "0.1", "1", "2" })
        {
            Assert.Matches($@"η = +{Regex.Escape(rate)}: up +0 times", run.Output);
        }
        foreach (var rate in new[] { "5", "10", "20" })
        {
            var line = Regex.Match(run.Output, $@"η = +{rate}: up +(\d+) times.*; last loss ([0-9.]+)\n");
            Assert.True(int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) > 0, line.Value);
            Assert.True(Parse(line.Groups[2].Value) < 0.01, line.Value);
        }

        // Exercise 3: the step over the gradient is −0.1 up to rounding; the update is exact, taking it back out is not.
        var ratios = Regex.Matches(run.Output, @"step / gradient (\S+)\n").Select(m => Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(4, ratios.Count);
        Assert.All(ratios, r => Assert.Equal(-0.1, r, 1e-12));
        Assert.Contains("W2Before + step == W2After: True\nW2After − W2Before == step: False\n", run.Output, StringComparison.Ordinal);
        Assert.True(Number(run.Output, @"largest \|\(W2After − W2Before\) − step\|: ([0-9.e+-]+)") < 1e-16);

        // Exercise 4: 5000 epochs at 0.1 learn XOR: every prediction within 0.1 of its target; the drop comes after epoch 1000.
        var longer = run.OutputOf("epochs: 5000");
        Assert.All(Predictions(longer), p => Assert.True(Math.Abs(p.Value - p.Target) < 0.1));
        Assert.Contains("Epoch 1000, Loss: 0.2392\n", longer, StringComparison.Ordinal);
        Assert.True(Number(longer, @"Epoch 1500, Loss: ([0-9.]+)") > 0.2, "still on the plateau at epoch 1500: hundreds of epochs before the drop");
        Assert.True(Number(longer, @"Epoch 3000, Loss: ([0-9.]+)") < 0.03);

        // Exercise 5: the relative difference is smallest at h = 1e-4 and grows about a hundredfold per step either way.
        var byH = Regex.Matches(run.Output, @"h = (\S+): largest relative difference (\S+)\n").ToDictionary(m => m.Groups[1].Value, m => Parse(m.Groups[2].Value));
        Assert.Equal(10, byH.Count);
        Assert.Equal("1e-4", byH.MinBy(p => p.Value).Key);
        Assert.InRange(byH["1e-1"] / byH["1e-2"], 50, 200);
        Assert.InRange(byH["1e-2"] / byH["1e-3"], 50, 200);
        Assert.InRange(byH["1e-10"] / byH["1e-8"], 30, 300);
        Assert.InRange(byH["1e-12"] / byH["1e-10"], 30, 300);
        Assert.Contains("a gradient twice too large: 0.5\na gradient with the wrong sign: 2.0\n", run.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<(double Value, double Target)> Predictions(string output)
    {
        var matches = Regex.Matches(output, @"\] -> ([0-9.]+) \(([01])\)\n");
        Assert.Equal(4, matches.Count);
        return matches.Select(m => (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value)));
    }

    private static double Number(string output, string pattern)
    {
        var match = Regex.Match(output, pattern);
        Assert.True(match.Success, $"No match for /{pattern}/ in:\n{output}");
        return Parse(match.Groups[1].Value);
    }

    private static double[] Numbers(string output, string pattern) =>
        Regex.Match(output, pattern).Groups[1].Value.Split("  ").Select(Parse).ToArray();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
