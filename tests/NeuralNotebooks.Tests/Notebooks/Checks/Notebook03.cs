using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook03 : NotebookCheck
{
    public override string Notebook => "03-backpropagation-and-training";

    public override void Check(ExecutedNotebook run)
    {
        var reference = BlogReference.Text("seed-xor-output.txt");

        // The first loss is the blog's first line.
        Assert.Equal("0.2522", run.ValueOf("PythonFormat.Fixed(MeanSquaredError.Value(y, pass.A2), 4)"));

        // The chain rule for W2[0, 0]: negative (so the step raises it), and the first entry of −A1ᵀ·output_delta.
        var sumW2 = run.Number(@"∂E/∂W2\[0, 0\] = (-?[0-9.]+)\n");
        Assert.True(sumW2 < 0);
        Assert.StartsWith($"4×1\n{sumW2.ToString("0.000000", CultureInfo.InvariantCulture)}\n", run.ValueOf("var dEdW2 = "), StringComparison.Ordinal);
        Assert.True(FirstEntry(run.ValueOf("W2After - W2Before")) > 0);

        // The chain rule for W1[0, 0]: the examples with x1 = 0 add nothing; the sum is the first entry of −Xᵀ·hidden_delta.
        var chainW1 = run.OutputOf("var sumW1 = 0.0;").Split('\n');
        Assert.EndsWith("· 0 =  0.000000", chainW1[0], StringComparison.Ordinal);
        Assert.EndsWith("· 0 =  0.000000", chainW1[1], StringComparison.Ordinal);
        var sumW1 = run.Number(@"∂E/∂W1\[0, 0\] = (-?[0-9.]+)\n");
        Assert.Equal(sumW1, FirstEntry(run.ValueOf("var dEdW1 = ")));

        // "Less than 0.001": the largest change of one step.
        Assert.InRange(run.Number(@"the largest change: ([0-9.]+)"), 0.0001, 0.001);

        // Backward gives what we worked out, to the last bit.
        var backward = run.OutputOf("var back = network.Backward(pass, y);").Split('\n');
        Assert.Equal(["True", "True"], backward[..2]);
        foreach (var line in backward[2..4])
        {
            var oneAtATime = Regex.Match(line, @"^W[12]\[0, 0\]: one weight at a time (\S+), Backward (\S+)$");
            Assert.True(oneAtATime.Success, line);
            Assert.Equal(oneAtATime.Groups[1].Value, oneAtATime.Groups[2].Value);
        }

        // The gradient check: all 17 weights and biases, agreeing to at least six significant digits.
        Assert.Equal(17, Regex.Matches(run.Output, @"^(W1|b1|W2|b2)\[\d, \d\]  Backward ", RegexOptions.Multiline).Count);
        Assert.True(run.Number(@"largest relative difference: ([0-9.e+-]+)") < 1e-6);

        // MSE = E / 2 for the four examples, and so is its slope.
        Assert.Contains("MSE / E = 0.500000", run.Output, StringComparison.Ordinal);
        Assert.Contains("ratio 0.5000\n", run.Output, StringComparison.Ordinal);

        // ApplyGradients is the blog's four lines; one step lowers the loss, in the fifth decimal.
        Assert.Equal("True\n", run.OutputOf("network.ApplyGradients(back.Gradients, learningRate);"));
        var before = run.Number(@"before: ([0-9.]+)");
        var after = run.Number(@"after one step: ([0-9.]+)");
        Assert.InRange(before - after, 1e-6, 1e-4);

        // The inline loop and the library's Train both print the blog's lines exactly.
        var blogLines = BlogReference.EpochLines(reference);
        var loops = run.CellOutputs.Where(o => o.StartsWith("Epoch 0,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, loops.Count);
        Assert.All(loops, loop => Assert.Equal(blogLines, loop));
        run.AssertProgressEndsAt("1,000 / 1,000 epochs · loss 0.2392");

        // Where the three numbers come from: epoch 900 is the blog's last line; the progress line and the trained network say 0.2392.
        Assert.Contains("Epoch 900, Loss: 0.2417", reference, StringComparison.Ordinal);
        Assert.Equal(0.2417, run.Number(@"epoch 900, the blog's last line: +([0-9.]+)"));
        Assert.Equal(0.2392, run.Number(@"epoch 999, the progress line's: +([0-9.]+)"));
        Assert.Equal(0.2392, run.Number(@"the trained network, after the last update: ([0-9.]+)"));

        // "The same arithmetic": Train's network and the inline loop's hold the same weights to the last bit.
        Assert.Equal("True\n", run.OutputOf("trained.Weights1.Equals(net.Weights1)"));

        // The blog's predictions; "every prediction is still within 0.06 of 0.5, and the one for (0, 1) is on the wrong side".
        var predictions = BlogReference.LinesAfter(reference, BlogReference.Predictions);
        Assert.Contains(predictions, run.Output, StringComparison.Ordinal);
        var values = Regex.Matches(predictions, @"-> ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.All(values, p => Assert.InRange(p, 0.44, 0.56));
        Assert.True(values[1] < 0.5);

        // The trained network drawn: "the largest move … is a large part of the range −1 to 1"; twelve weights drawn.
        Assert.InRange(run.Number(@"the largest move in 1000 epochs: ([0-9.]+)"), 0.5, 1);
        var drawing = Assert.Single(run.Charts);
        Assert.Equal(12, drawing.Count(t => t.GetProperty("mode").GetString() == "lines"));
    }

    private static double FirstEntry(string matrix) =>
        double.Parse(matrix.Split('\n')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
