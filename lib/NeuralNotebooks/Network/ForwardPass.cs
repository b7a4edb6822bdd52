using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Network;

/// <summary>
/// Everything the forward pass computed, kept so you can look at each step and so backpropagation can use it.
/// </summary>
/// <remarks>
/// With X the inputs (one example per row): Z1 = X·W1 + b1, A1 = σ(Z1), Z2 = A1·W2 + b2, A2 = σ(Z2).
/// A2 is the network's output, one prediction per row.
/// </remarks>
/// <param name="X">The inputs, one example per row.</param>
/// <param name="Z1">The hidden layer's weighted sums, X·W1 + b1.</param>
/// <param name="A1">The hidden layer's activations, σ(Z1).</param>
/// <param name="Z2">The output layer's weighted sums, A1·W2 + b2.</param>
/// <param name="A2">The output, σ(Z2).</param>
public sealed record ForwardPass(Matrix<double> X, Matrix<double> Z1, Matrix<double> A1, Matrix<double> Z2, Matrix<double> A2)
{
    /// <summary>The network's predictions: the same matrix as <see cref="A2"/>.</summary>
    public Matrix<double> Output => A2;
}
