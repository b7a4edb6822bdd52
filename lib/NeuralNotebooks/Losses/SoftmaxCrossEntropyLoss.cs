using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Losses;

/// <summary>
/// Softmax cross-entropy: −mean over examples of Σ_k y_k log max(a_k, ε); with a softmax output its ∂E/∂Z is
/// simply a − y.
/// </summary>
internal sealed record SoftmaxCrossEntropyLoss() : Loss("softmax-ce")
{
    public override string LongName => "softmax cross-entropy";

    public override double Value(ReadOnlySpan<double> y, ReadOnlySpan<double> a, int width)
    {
        var rows = Rows(y.Length, a.Length, width);
        var total = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            total -= y[i] * Math.Log(Math.Max(a[i], Epsilon));
        }
        return total / rows;
    }

    public override void Gradient(ReadOnlySpan<double> y, ReadOnlySpan<double> a, Span<double> gradient, int width)
    {
        Rows(y.Length, a.Length, width);
        Rows(y.Length, gradient.Length, width);
        for (var i = 0; i < y.Length; i++)
        {
            gradient[i] = -y[i] / Math.Max(a[i], Epsilon);
        }
    }

    private protected override Activation MatchedOutput => Activation.Softmax;

    internal override void CheckFits(Activation output, int outputs, Matrix<double> y, string targetsName)
    {
        if (output != Activation.Softmax)
        {
            throw new ArgumentException(
                $"loss softmax-ce needs a softmax output layer (it turns the outputs into class probabilities), but the output layer is {output.Name}.", "loss");
        }
        if (outputs < 2)
        {
            throw new ArgumentException($"A softmax output layer needs at least 2 outputs (one per class), but has {outputs}; use a sigmoid output and bce for two classes.", "loss");
        }
        Targets.CheckProbabilityRows(y, targetsName);
    }
}
