using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook12 : NotebookCheck
{
    public override string Notebook => "12-onnx-runtime";

    public override void Check(ExecutedNotebook run)
    {
        run.AssertProgressEndsAt("30 / 30 epochs");
        Assert.True(run.Number(@"test accuracy ([0-9.]+) %") >= 95, "notebook 10's network, trained as there");

        // "mostly the numbers ... the few hundred bytes printed last"
        Assert.Contains("19,280 of them for 2,410 weights and biases at 8 bytes each", run.Output, StringComparison.Ordinal);
        var rest = run.Number(@"at 8 bytes each, ([0-9,]+) for the rest");
        Assert.InRange(rest, 100, 999);

        // The graph, its constants, its producer and its input and output, as the prose describes them.
        Assert.Matches(@"Gemm +input, W1, b1 +→ Z1\nRelu +Z1 +→ A1\nGemm +A1, W2, b2 +→ Z2\nSoftmax +Z2 +→ output\n", run.Output);
        Assert.Contains("W1: 64 × 32, Double\nb1: 32, Double\nW2: 32 × 10, Double\nb2: 10, Double\n", run.Output, StringComparison.Ordinal);
        // "The same network drawn from its weights": one chart, of the 64-32-10 network.
        Assert.Contains("64-32-10", Assert.Single(run.ChartHtml), StringComparison.Ordinal);
        Assert.Contains("producer: NeuralNotebooks ", run.Output, StringComparison.Ordinal);
        Assert.Contains("operator set 13", run.Output, StringComparison.Ordinal);
        Assert.Contains("A 64-32-10 network", run.Output, StringComparison.Ordinal);
        Assert.Contains("input: Double [-1, 64]\noutput: Double [-1, 10]\n", run.Output, StringComparison.Ordinal);

        // "Compare with the library's own prediction for the same three": the two shown matrices are the same.
        var threeDigits = run.Run.Cells.SelectMany(c => c.Result.ValuesOf("text/plain")).Where(v => v.StartsWith("3×10", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, threeDigits.Count);
        Assert.Equal(threeDigits[0], threeDigits[1]);

        // "a rounding error of float64 arithmetic ... every test digit gets the same class from both, and so the same accuracy"
        Assert.True(run.Number(@"largest difference: ([0-9.E+-]+)") <= 1e-12);
        Assert.Contains("same predicted digit: 449 of 449", run.Output, StringComparison.Ordinal);
        var accuracies = Regex.Match(run.Output, @"test accuracy: library ([0-9.]+) %, ONNX Runtime ([0-9.]+) %");
        Assert.True(accuracies.Success);
        Assert.Equal(accuracies.Groups[1].Value, accuracies.Groups[2].Value);

        // The timing is printed, never judged: the prose makes no claim about which is faster.
        var times = Regex.Match(run.Output, @"1,797 digits: library ([0-9.]+) ms, ONNX Runtime ([0-9.]+) ms per batch");
        Assert.True(times.Success, "the timing line");
        Assert.All([times.Groups[1].Value, times.Groups[2].Value], t => Assert.True(double.Parse(t, CultureInfo.InvariantCulture) > 0));
    }
}
