using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Losses;

/// <summary>
/// A loss as a value-and-derivative pair: the number training reports, and the gradient that
/// backpropagation starts from.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is a mean (what you watch go down). <see cref="Gradient"/> is ∂E/∂A of the
/// objective E summed over the examples, as the blog's update uses it; the trainer divides by the batch
/// size when asked for mean gradients.
/// </remarks>
public abstract record Loss(string Name)
{
    /// <summary>The loss's full name, for chart labels: "mean squared error", "binary cross-entropy", "softmax cross-entropy".</summary>
    public abstract string LongName { get; }

    /// <summary>The blog's loss: mean squared error, with E = ½ Σ (y − a)².</summary>
    public static Loss MeanSquaredError { get; } = new MeanSquaredErrorLoss();

    /// <summary>Binary cross-entropy for one sigmoid output: −mean(y log a + (1 − y) log(1 − a)).</summary>
    public static Loss BinaryCrossEntropy { get; } = new BinaryCrossEntropyLoss();

    /// <summary>Cross-entropy for softmax outputs and one-hot targets: −mean over examples of Σ_k y_k log a_k.</summary>
    public static Loss SoftmaxCrossEntropy { get; } = new SoftmaxCrossEntropyLoss();

    /// <summary>Every loss the library offers.</summary>
    public static IReadOnlyList<Loss> All { get; } = [MeanSquaredError, BinaryCrossEntropy, SoftmaxCrossEntropy];

    /// <summary>The loss with this name (mse, bce, softmax-ce).</summary>
    /// <exception cref="ArgumentException">No loss has that name.</exception>
    public static Loss Parse(string name, string parameterName = "loss") =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{parameterName} must be one of {string.Join(", ", All.Select(l => l.Name))}, but was '{name}'.", parameterName);

    /// <summary>The loss of outputs <paramref name="a"/> against targets <paramref name="y"/>, averaged.</summary>
    public abstract double Value(Matrix<double> y, Matrix<double> a);

    /// <summary>∂E/∂A, E being the loss summed over the examples (<see cref="Objective"/>).</summary>
    public abstract Matrix<double> Gradient(Matrix<double> y, Matrix<double> a);

    /// <summary>E, the quantity training descends: the loss summed over the examples (for MSE, ½ Σ (y − a)², the blog's).</summary>
    public virtual double Objective(Matrix<double> y, Matrix<double> a) => Value(y, a) * y.RowCount;

    /// <summary>
    /// ∂E/∂Z at the output layer: the gradient sent back through the output activation, or its simple closed
    /// form a − y where the activation and the loss are made for each other (sigmoid with binary
    /// cross-entropy, softmax with softmax cross-entropy).
    /// </summary>
    public virtual Matrix<double> OutputDelta(Activation output, Matrix<double> y, Matrix<double> a) =>
        output.Backward(a, Gradient(y, a));

    /// <inheritdoc />
    public sealed override string ToString() => Name;

    /// <summary>Outputs are clipped this far from 0 and 1 before taking logarithms.</summary>
    protected const double Epsilon = 1e-12;
}

internal sealed record MeanSquaredErrorLoss() : Loss("mse")
{
    public override string LongName => "mean squared error";

    public override double Value(Matrix<double> y, Matrix<double> a) => Losses.MeanSquaredError.Value(y, a);

    public override Matrix<double> Gradient(Matrix<double> y, Matrix<double> a) => a - y;

    public override double Objective(Matrix<double> y, Matrix<double> a) => 0.5 * (y - a).PointwisePower(2).Enumerate().Sum();
}

internal sealed record BinaryCrossEntropyLoss() : Loss("bce")
{
    public override string LongName => "binary cross-entropy";

    public override double Value(Matrix<double> y, Matrix<double> a)
    {
        var total = 0.0;
        for (var i = 0; i < y.RowCount; i++)
        {
            for (var k = 0; k < y.ColumnCount; k++)
            {
                var p = Math.Clamp(a[i, k], Epsilon, 1 - Epsilon);
                total -= y[i, k] * Math.Log(p) + (1 - y[i, k]) * Math.Log(1 - p);
            }
        }
        return total / y.RowCount;
    }

    public override Matrix<double> Gradient(Matrix<double> y, Matrix<double> a) =>
        Matrix<double>.Build.Dense(y.RowCount, y.ColumnCount, (i, k) =>
        {
            var p = Math.Clamp(a[i, k], Epsilon, 1 - Epsilon);
            return (p - y[i, k]) / (p * (1 - p));
        });

    public override Matrix<double> OutputDelta(Activation output, Matrix<double> y, Matrix<double> a) =>
        output == Activation.Sigmoid ? a - y : base.OutputDelta(output, y, a);
}

internal sealed record SoftmaxCrossEntropyLoss() : Loss("softmax-ce")
{
    public override string LongName => "softmax cross-entropy";

    public override double Value(Matrix<double> y, Matrix<double> a)
    {
        var total = 0.0;
        for (var i = 0; i < y.RowCount; i++)
        {
            for (var k = 0; k < y.ColumnCount; k++)
            {
                total -= y[i, k] * Math.Log(Math.Max(a[i, k], Epsilon));
            }
        }
        return total / y.RowCount;
    }

    public override Matrix<double> Gradient(Matrix<double> y, Matrix<double> a) =>
        Matrix<double>.Build.Dense(y.RowCount, y.ColumnCount, (i, k) => -y[i, k] / Math.Max(a[i, k], Epsilon));

    public override Matrix<double> OutputDelta(Activation output, Matrix<double> y, Matrix<double> a) =>
        output == Activation.Softmax ? a - y : base.OutputDelta(output, y, a);
}
