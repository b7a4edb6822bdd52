using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution06 : NotebookCheck
{
    public override string Notebook => "solutions/06-backpropagation-as-a-graph";

    public override void Check(ExecutedNotebook run)
    {
        // The neuron of notebook 6: x = (1, 0.5), w = (0.5, −0.3), b = 0.1, so z = 0.45.
        const double z = 0.45;
        var sigmoid = 1 / (1 + Math.Exp(-z));

        // Exercise 1: tanh's gradient from Backward (inline and library) equals the measured slope and the chain rule;
        // both of its factors are larger than the sigmoid's, the gradient about five times larger.
        var tanh = Math.Tanh(z);
        var tanhGradient = -(1 - tanh) * (1 - tanh * tanh) * 1.0;
        Assert.Equal(tanhGradient, run.Number(@"tanh neuron: Backward ∂E/∂w1 = (-?[0-9.]+)"), 6);
        Assert.Equal(tanhGradient, run.Number(@"tanh neuron: .*, measured (-?[0-9.]+)"), 6);
        Assert.Equal(tanhGradient, run.Number(@"with the library's Value: ∂E/∂w1 = (-?[0-9.]+)"), 6);
        var graph = Assert.Single(run.Charts).Single(t => t.GetProperty("name").GetString() == "operations");
        Assert.Contains("tanh", graph.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.True(run.Number(@"y − a is [0-9.]+ for the sigmoid, ([0-9.]+) for tanh") > run.Number(@"y − a is ([0-9.]+) for the sigmoid"));
        Assert.True(run.Number(@"of tanh ([0-9.]+)") > 3 * run.Number(@"slope of the sigmoid ([0-9.]+)"));
        var ratio = run.Number(@"slope · x1: sigmoid -?[0-9.]+, tanh (-?[0-9.]+)") / run.Number(@"slope · x1: sigmoid (-?[0-9.]+)");
        Assert.InRange(ratio, 4.5, 5.5);

        // Exercise 2: with = instead of +=, the node used twice (y − a) and everything before it keep half their gradient;
        // the nodes after it are right.
        foreach (var name in new[] { "w1", "w2", "b", "z", "a", "y − a" })
        {
            Assert.Equal(0.5, RatioOf(run, name));
        }
        Assert.Equal(1, RatioOf(run, "½(y − a)"));
        Assert.Equal(1, RatioOf(run, "loss"));
        Assert.Equal(-(1 - sigmoid) * sigmoid * (1 - sigmoid), run.Number(@"(?m)^w1\s+right\s+(-?[0-9.]+)"), 6);

        // Exercise 3: 38 nodes per example plus 20; the Values allocate more than ten times what the matrices do.
        foreach (var n in new[] { 4, 40, 400 })
        {
            Assert.Equal(38 * n + 20, run.Number($@"(?m)^\s*{n} examples:\s+(\d+) nodes"));
        }
        Assert.True(run.Number(@"\((\d+) times as much with Values\)") > 10);

        // Exercise 4: for y = 1 the gradients are −(1 − a)a(1 − a)x < 0 and a rises; for y = 0 they are a·a(1 − a)x > 0, larger, and a falls.
        var forOne = Gradients(run, "1");
        var forZero = Gradients(run, "0");
        var xs = new[] { 1.0, 0.5, 1.0 };
        Assert.All(xs.Zip(forOne), p => Assert.Equal(-(1 - sigmoid) * sigmoid * (1 - sigmoid) * p.First, p.Second, 4));
        Assert.All(xs.Zip(forZero), p => Assert.Equal(sigmoid * sigmoid * (1 - sigmoid) * p.First, p.Second, 4));
        Assert.All(forOne.Zip(forZero), p => Assert.True(Math.Abs(p.Second) > Math.Abs(p.First)));
        Assert.True(run.Number(@"y = 1: .*; a = [0-9.]+ → ([0-9.]+)") > sigmoid);
        Assert.True(run.Number(@"y = 0: .*; a = [0-9.]+ → ([0-9.]+)") < sigmoid);
    }

    private static double RatioOf(ExecutedNotebook run, string name) => run.Number($@"(?m)^{Regex.Escape(name)}\s+right .* ratio ([0-9.]+)");

    private static double[] Gradients(ExecutedNotebook run, string target) =>
        Regex.Match(run.Output, $@"y = {target}: gradients \(([^)]*)\)").Groups[1].Value.Split(", ")
            .Select(g => double.Parse(g, CultureInfo.InvariantCulture)).ToArray();
}
