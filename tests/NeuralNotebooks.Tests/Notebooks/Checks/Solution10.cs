using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution10 : NotebookCheck
{
    public override string Notebook => "solutions/10-handwritten-digits";

    public override void Check(ExecutedNotebook run)
    {
        var reports = Regex.Matches(run.Output, @"^(.+?) +train +([0-9.]+) %   test +([0-9.]+) %   test loss \([a-z-]+\) ([0-9.]+)$", RegexOptions.Multiline)
            .Select(m => (Name: m.Groups[1].Value, Train: Parse(m.Groups[2].Value), Test: Parse(m.Groups[3].Value), TestLoss: Parse(m.Groups[4].Value)))
            .ToList();
        Assert.Equal(7, reports.Count);
        var byName = reports.ToDictionary(r => r.Name);

        // Exercise 1: without the hidden layer, the same test accuracy and a little less (not 100 %) on the training digits.
        var notebook = byName["64-32-10 (the notebook's)"];
        var single = byName["64-10 (no hidden layer)"];
        Assert.Equal(100, notebook.Train);
        Assert.True(Math.Abs(notebook.Test - single.Test) < 0.5);
        Assert.InRange(single.Train, 95, 99.9);

        // Exercise 2: the blog's sigmoids and mse with Adam as good as the notebook's network; with SGD at 0.1 far behind.
        Assert.True(byName["sigmoid, mse, Adam η = 0.01"].Test >= notebook.Test);
        Assert.True(byName["sigmoid, mse, SGD η = 0.1"].Test < 85);

        // Exercise 3: from 30 to 200 epochs the test accuracy rises a little while the test loss ends higher (lowest early,
        // the same epoch in both runs) and the wrong answers get surer; with L2 the test loss is lower, lowest later, less
        // sure, and the accuracy the best.
        var lines = Regex.Matches(run.Output, @"test loss lowest after (\d+) epochs; sure of its wrong answers: (\d+) %")
            .Select(m => (LowestAfter: Parse(m.Groups[1].Value), Sure: Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(3, lines.Count);
        var (thirty, long_, l2) = (byName["30 epochs"], byName["200 epochs"], byName["200 epochs, L2 λ = 0.001"]);
        Assert.True(long_.Test >= thirty.Test && long_.TestLoss > thirty.TestLoss);
        Assert.True(lines[1].LowestAfter == lines[0].LowestAfter && lines[0].LowestAfter <= 20);
        Assert.True(lines[1].Sure > lines[0].Sure);
        Assert.True(l2.TestLoss < long_.TestLoss && lines[2].LowestAfter > lines[1].LowestAfter && lines[2].Sure < lines[1].Sure);
        Assert.True(l2.Test > long_.Test && l2.Test > thirty.Test);
        Assert.Equal(4, run.Charts[0].Count); // two runs, each with its training and test loss

        // Exercise 4: 32 weight images; some neurons dead; most living ones fire for a second digit over half as much.
        Assert.Equal(32, run.Charts[1].Count);
        Assert.Equal(8, Regex.Matches(run.Output, @"^neuron +\d+: most for \d", RegexOptions.Multiline).Count);
        Assert.True(run.Number(@"dead for every test digit: (\d+)") >= 1);
        var shared = Regex.Match(run.Output, @"over half the first's activation: (\d+) of (\d+)");
        Assert.True(Parse(shared.Groups[1].Value) > Parse(shared.Groups[2].Value) / 2);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
