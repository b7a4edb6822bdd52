using System.Globalization;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook02 : NotebookCheck
{
    public override string Notebook => "02-forward-pass";

    public override void Check(ExecutedNotebook run)
    {
        // All four initial matrices are shown, and all 17 numbers print as numpy's repr printed them.
        var shown = run.OutputOf("(\"W1\", W1), (\"b1\", b1), (\"W2\", W2), (\"b2\", b2)");
        Assert.All(["W1 (2×4):\n", "b1 (1×4):\n", "W2 (4×1):\n", "b2 (1×1):\n"], name => Assert.Contains(name, shown, StringComparison.Ordinal));
        var numpy = BlogReference.Text("initial-weights-seed42.txt").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)] + " " + string.Join(" ", l[(l.IndexOf('[', StringComparison.Ordinal) + 1)..l.LastIndexOf(']')].Split(", ").Select(n => n.Trim('\''))) + "\n");
        Assert.Equal(string.Concat(numpy), run.OutputOf("PythonFormat.Repr"));

        // "Row 0 of Z1 is b1, exactly."
        Assert.Equal("True", run.ValueOf("Z1.Row(0).Equals(b1.Row(0))"));

        // "Every prediction is within 0.05 of 0.5, whatever the target."
        var predictions = run.OutputOf("(expected {y[i, 0]})").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => double.Parse(l.Split(" -> ")[1].Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, predictions.Count);
        Assert.All(predictions, p => Assert.InRange(p, 0.45, 0.55));

        // The library draws the same weights and computes the same matrices, to the last bit; the table's rows hold.
        Assert.Equal("True\nTrue\n", run.OutputOf("network.Weights1.Equals(W1)"));
        Assert.Equal("True\n", run.OutputOf("network.Network.Forward(X)"));

        // The drawing: twelve lines, "five of them negative, so five blue lines"; the output neuron's activation for (1, 0)
        // is the blog's test's 0.4757.
        var drawing = Assert.Single(run.Charts);
        var lines = drawing.Where(t => t.GetProperty("mode").GetString() == "lines").ToList();
        Assert.Equal(12, lines.Count);
        Assert.Equal(5, lines.Count(l => l.GetProperty("line").GetProperty("color").GetString() == "#0877bd"));
        Assert.Equal(7, lines.Count(l => l.GetProperty("line").GetProperty("color").GetString() == "#f59322"));
        var neurons = drawing.Single(t => t.GetProperty("mode").GetString() == "markers").GetProperty("text").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Contains("activation 0.4757", neurons[^1], StringComparison.Ordinal);
        Assert.Contains("[1 0] -> 0.4757 (expected 1)", run.Output, StringComparison.Ordinal);
    }
}
