using System.Globalization;
using System.Text.RegularExpressions;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution12 : NotebookCheck
{
    public override string Notebook => "solutions/12-onnx-runtime";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: a sigmoid layer is Gemm, Clip to ±250, Sigmoid.
        Assert.Matches(@"Gemm +input, W1, b1 +→ Z1\nClip +Z1, layer1_clip_min, layer1_clip_max +→ Z1_clipped\nSigmoid +Z1_clipped +→ A1\nGemm +A1, W2, b2 +→ Z2\nSoftmax +Z2 +→ output\n", run.Output);
        Assert.Contains("layer1_clip_min = -250; layer1_clip_max = 250", run.Output, StringComparison.Ordinal);
        // ... and ONNX Runtime's float64 sigmoid is exact to about 1e-16 absolutely, 0 from z = −37 down, where the library gives σ(−250) at −300.
        var sigmoid = Regex.Matches(run.Output, @"z = +(-?\d+): library (\S+), ONNX Runtime (\S+), difference")
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                          m => (Library: Parse(m.Groups[2].Value), Onnx: Parse(m.Groups[3].Value)));
        Assert.Equal([-300, -40, -37, -36, -20], sigmoid.Keys);
        Assert.Equal(Sigmoid.Value(-250), sigmoid[-300].Library);
        Assert.All([-300, -40, -37], z => Assert.Equal(0.0, sigmoid[z].Onnx));
        Assert.InRange(sigmoid[-36].Onnx, 2.2e-16, 2.3e-16);
        Assert.InRange(sigmoid[-36].Library, 2.3e-16, 2.4e-16);
        Assert.All(sigmoid.Values, s => Assert.True(Math.Abs(s.Library - s.Onnx) < 1.1e-16));
        var relative = Math.Abs(sigmoid[-20].Library - sigmoid[-20].Onnx) / sigmoid[-20].Library;
        Assert.InRange(relative, 1e-8, 1e-6); // "agree only in their first seven digits or so"

        // Exercise 2: a batch of one gives one row of ten, and the same digit from both.
        Assert.Contains("output: 1 × 10", run.Output, StringComparison.Ordinal);
        var digits = Regex.Match(run.Output, @"predicted digit: ONNX Runtime (\d), library (\d), true label (\d)");
        Assert.True(digits.Success);
        Assert.Equal(digits.Groups[1].Value, digits.Groups[2].Value);

        // Exercise 3: three batch sizes timed in each, each against a digit alone (printed, never judged).
        var batches = Regex.Matches(run.Output, @"batch of +(\d+): library +[0-9.]+ µs per digit \( *([0-9.]+)× less than alone\), ONNX Runtime +[0-9.]+ µs per digit \( *([0-9.]+)× less\)");
        Assert.Equal(["1", "32", "1797"], batches.Select(m => m.Groups[1].Value));
        Assert.Equal(["1.0", "1.0"], [batches[0].Groups[2].Value, batches[0].Groups[3].Value]);

        // Exercise 4: one more Gemm and Relu, W3 and b3, and 8 bytes per extra parameter plus a little.
        Assert.Matches(@"Gemm +A2, W3, b3 +→ Z3\nSoftmax +Z3 +→ output\n", run.Output);
        Assert.Contains("W1 64 × 32; b1 32; W2 32 × 16; b2 16; W3 16 × 10; b3 10", run.Output, StringComparison.Ordinal);
        Assert.Contains("2,778 weights and biases against 2,410: 368 more, × 8 = 2,944 bytes", run.Output, StringComparison.Ordinal);
        Assert.InRange(run.Number(@"bytes larger, (\d+) of them for the rest"), 1, 500);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
