using System.Globalization;
using System.Text.RegularExpressions;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook06 : NotebookCheck
{
    public override string Notebook => "06-backpropagation-as-a-graph";

    public override void Check(ExecutedNotebook run)
    {
        // The neuron: x = (1, 0.5), y = 1, w = (0.5, −0.3), b = 0.1. By hand, ∂E/∂w = −(y − a)·a(1 − a)·x.
        var a = 1 / (1 + Math.Exp(-(0.5 * 1.0 - 0.3 * 0.5 + 0.1)));
        var delta = (1 - a) * a * (1 - a);
        double[] expected = [-delta * 1.0, -delta * 0.5, -delta];

        // The inline Node's Backward, the notebook's hand formula and the measured slope all give these gradients.
        const string Gradients = @"∂E/∂w1 = (-?[0-9.]+), ∂E/∂w2 = (-?[0-9.]+), ∂E/∂b = (-?[0-9.]+)";
        foreach (var source in new[] { "Backward: ", "by hand:  " })
        {
            var printed = Groups(run, source + Gradients);
            Assert.All(expected.Zip(printed), pair => Assert.Equal(pair.First, pair.Second, 6));
        }
        Assert.Equal(0, run.Number(@"largest difference from Backward: ([0-9.e+-]+)"));
        Assert.Equal(expected[0], run.Number(@"measured ∂E/∂w1 = (-?[0-9.]+)"), 6);
        Assert.Equal(expected[0], run.Number(@"Backward's = (-?[0-9.]+)"), 6);
        Assert.Contains("the same gradients as our Node's: True", run.Output, StringComparison.Ordinal);

        // The chart: the neuron's 15 values (5 inputs, the constants y and ½, 8 results) and 8 operations, each box
        // with its value and gradient.
        var graph = Assert.Single(run.Charts).ToDictionary(t => t.GetProperty("name").GetString()!);
        var boxes = graph["values"].GetProperty("text").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(15, boxes.Count);
        Assert.Equal(8, graph["operations"].GetProperty("text").GetArrayLength());
        foreach (var label in new[] { "w1", "x1", "w2", "x2", "b", "z", "a", "y − a", "loss" })
        {
            Assert.Contains(boxes, box => box.StartsWith($"<b>{label}</b><br>", StringComparison.Ordinal));
        }
        Assert.Contains($"<b>w1</b><br>0.5<br>∂ {G4(expected[0])}", boxes);
        Assert.Contains($"<b>w2</b><br>-0.3<br>∂ {G4(expected[1])}", boxes);
        Assert.Contains($"<b>a</b><br>{G4(a)}<br>∂ {G4(-(1 - a))}", boxes);
        Assert.Contains("<b>loss</b><br>", boxes.Single(b => b.EndsWith("<br>∂ 1", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The Done-when: the 17 gradients of the blog's error built from Values equal the matrix Backward's to 1e-12,
        // as printed, and as recomputed here.
        Assert.Equal(17, run.Number(@"largest difference over the (\d+) gradients"));
        Assert.True(run.Number(@"largest difference over the 17 gradients: ([0-9.e+-]+)") < 1e-12);
        var network = new SimpleNeuralNetwork(4, 42);
        var fromValues = new BlogErrorFromValues(network, Xor.Inputs, Xor.Targets);
        Assert.True(fromValues.LargestDifference(network.Backward(network.Forward(Xor.Inputs), Xor.Targets).Gradients) < 1e-12);
        Assert.Equal(fromValues.E.Data, run.Number(@"E from Values:\s+([0-9.]+)"), 15);
        Assert.Equal(run.Number(@"E from Values:\s+([0-9.]+)"), run.Number(@"E from matrices: ([0-9.]+)"), 15);
        // Per example: 4 hidden neurons of 7 nodes (2 inputs, 2 products, 2 sums, σ), an output of 7 (4 products, Σ, + b2, σ),
        // the target, the error and its square; then Σ, ½ and ×; and the 17 weights.
        Assert.Equal(4 * (4 * 7 + 7 + 3) + 3 + 17, run.Number(@"a graph of (\d+) nodes"));
    }

    /// <summary>Every number the pattern's groups capture in the notebook's output.</summary>
    private static double[] Groups(ExecutedNotebook run, string pattern)
    {
        var match = Regex.Match(run.Output, pattern);
        Assert.True(match.Success, $"No match for /{pattern}/ in the notebook's output.");
        return match.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
    }

    private static string G4(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
