using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Network;

/// <summary>What a forward pass through every layer computed.</summary>
/// <param name="Activations">A[0] is the input X; A[l] = f(Z[l]) is layer l's output (l = 1 … L).</param>
/// <param name="WeightedSums">Z[l] = A[l−1] · W[l] + b[l]; Z[0] is unused and null.</param>
public sealed record NetworkPass(IReadOnlyList<Matrix<double>> Activations, IReadOnlyList<Matrix<double>?> WeightedSums)
{
    /// <summary>The input X.</summary>
    public Matrix<double> Input => Activations[0];

    /// <summary>The network's output, A[L].</summary>
    public Matrix<double> Output => Activations[^1];
}

/// <summary>The gradient of the summed error E for every layer, with the deltas ∂E/∂Z that led to them.</summary>
/// <param name="Deltas">Deltas[l] = ∂E/∂Z[l] (index 0 unused and null).</param>
/// <param name="Weights">Weights[l] = ∂E/∂W[l] = A[l−1]ᵀ · Deltas[l] (index 0 unused and null).</param>
/// <param name="Biases">Biases[l] = ∂E/∂b[l], the deltas summed over the examples (index 0 unused and null).</param>
public sealed record NetworkGradients(
    IReadOnlyList<Matrix<double>?> Deltas, IReadOnlyList<Matrix<double>?> Weights, IReadOnlyList<Matrix<double>?> Biases);
