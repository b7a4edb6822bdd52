using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Losses;

/// <summary>
/// Binary cross-entropy: −mean over examples of Σ (y log p + (1 − y) log(1 − p)), p the output clipped to
/// [ε, 1 − ε]; with a sigmoid output its ∂E/∂Z is simply a − y.
/// </summary>
internal sealed record BinaryCrossEntropyLoss() : Loss("bce")
{
    public override string LongName => "binary cross-entropy";

    public override double Value(ReadOnlySpan<double> y, ReadOnlySpan<double> a, int width)
    {
        var rows = Rows(y.Length, a.Length, width);
        var total = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var p = Math.Clamp(a[i], Epsilon, 1 - Epsilon);
            total -= y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
        }
        return total / rows;
    }

    public override void Gradient(ReadOnlySpan<double> y, ReadOnlySpan<double> a, Span<double> gradient, int width)
    {
        Rows(y.Length, a.Length, width);
        Rows(y.Length, gradient.Length, width);
        for (var i = 0; i < y.Length; i++)
        {
            var p = Math.Clamp(a[i], Epsilon, 1 - Epsilon);
            gradient[i] = (p - y[i]) / (p * (1 - p));
        }
    }

    private protected override Activation MatchedOutput => Activation.Sigmoid;

    internal override void CheckFits(Activation output, int outputs, Matrix<double> y, string targetsName)
    {
        if (output != Activation.Sigmoid)
        {
            throw new ArgumentException(
                $"loss bce needs a sigmoid output layer (its outputs are probabilities), but the output layer is {output.Name}.", "loss");
        }
        Targets.CheckBetweenZeroAndOne(y, targetsName, "binary cross-entropy");
    }
}
