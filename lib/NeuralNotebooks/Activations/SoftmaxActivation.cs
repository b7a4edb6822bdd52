namespace NeuralNotebooks.Activations;

/// <summary>Softmax works on a whole row at once, so its forward and backward steps are its own.</summary>
internal sealed record SoftmaxActivation() : Activation("softmax", z => z, _ => 1)
{
    /// <summary>Probabilities: never more than 1.</summary>
    internal override double Bound(double largestInput) => 1;

    /// <summary>e^(z_k − max z) / Σ_j e^(z_j − max z) for each row (subtracting the maximum keeps e^z finite).</summary>
    public override void Apply(ReadOnlySpan<double> z, Span<double> a, int width)
    {
        CheckRows(z.Length, a.Length, width);
        for (var start = 0; start < z.Length; start += width)
        {
            var row = z.Slice(start, width);
            var output = a.Slice(start, width);
            var max = row[0];
            for (var k = 1; k < width; k++)
            {
                max = Math.Max(max, row[k]);
            }
            var sum = 0.0;
            for (var k = 0; k < width; k++)
            {
                output[k] = Math.Exp(row[k] - max);
                sum += output[k];
            }
            for (var k = 0; k < width; k++)
            {
                output[k] /= sum;
            }
        }
    }

    /// <summary>The softmax Jacobian times ∂E/∂A, row by row: ∂E/∂z_k = a_k · (g_k − Σ_j g_j a_j).</summary>
    public override void Backward(ReadOnlySpan<double> a, ReadOnlySpan<double> gradientOfOutput, Span<double> gradientOfInput, int width)
    {
        CheckRows(a.Length, gradientOfOutput.Length, width);
        CheckRows(a.Length, gradientOfInput.Length, width);
        for (var start = 0; start < a.Length; start += width)
        {
            var weighted = 0.0;
            for (var k = start; k < start + width; k++)
            {
                weighted += gradientOfOutput[k] * a[k];
            }
            for (var k = start; k < start + width; k++)
            {
                gradientOfInput[k] = a[k] * (gradientOfOutput[k] - weighted);
            }
        }
    }
}
