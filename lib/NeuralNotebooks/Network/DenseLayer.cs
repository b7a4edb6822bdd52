using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Network;

/// <summary>
/// A fully connected layer: every input feeds every neuron. Z = A_in · W + b, then A = f(Z).
/// </summary>
public sealed class DenseLayer
{
    /// <summary>A layer with the given weights (fanIn × fanOut) and biases (1 × fanOut), copied.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not fit, or a value is NaN or infinite.</exception>
    public DenseLayer(Matrix<double> weights, Matrix<double> bias, Activation activation)
        : this(weights, bias, activation, copy: true)
    {
    }

    private DenseLayer(Matrix<double> weights, Matrix<double> bias, Activation activation, bool copy)
    {
        Guard.Shape(weights, null, null, nameof(weights), "inputs by neurons");
        Guard.Shape(bias, 1, weights.ColumnCount, nameof(bias), "one bias per neuron");
        Guard.AllFinite(weights, nameof(weights));
        Guard.AllFinite(bias, nameof(bias));
        Guard.NotNull(activation, nameof(activation));
        (Weights, Bias, Activation) = copy ? (weights.Clone(), bias.Clone(), activation) : (weights, bias, activation);
    }

    /// <summary>A layer that keeps these matrices (for weights just drawn, which nobody else holds).</summary>
    internal static DenseLayer Owning(Matrix<double> weights, Matrix<double> bias, Activation activation) => new(weights, bias, activation, copy: false);

    /// <summary>W: one column of weights per neuron (fanIn × fanOut).</summary>
    public Matrix<double> Weights { get; internal set; }

    /// <summary>b: one bias per neuron (1 × fanOut).</summary>
    public Matrix<double> Bias { get; internal set; }

    /// <summary>The activation f applied to the weighted sums.</summary>
    public Activation Activation { get; }

    /// <summary>How many numbers each example brings in.</summary>
    public int Inputs => Weights.RowCount;

    /// <summary>How many neurons, and so outputs, the layer has.</summary>
    public int Outputs => Weights.ColumnCount;

    /// <summary>The weighted sums Z = A_in · W + b for a batch, one example per row.</summary>
    public Matrix<double> WeightedSums(Matrix<double> input) => (input * Weights).AddToEachRow(Bias);

    /// <summary>A copy with its own weights.</summary>
    public DenseLayer Clone() => new(Weights, Bias, Activation);

    /// <inheritdoc />
    public override string ToString() => $"{Inputs}→{Outputs} {Activation.Name}";
}
