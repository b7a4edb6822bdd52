using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Network;

/// <summary>Every quantity the blog's backward pass computes, with the gradients they lead to.</summary>
/// <remarks>
/// In the blog's notation, with y the targets and ⊙ the entry-by-entry product:
/// output_error = y − A2;  output_delta = output_error ⊙ σ′(A2);
/// hidden_error = output_delta · W2ᵀ;  hidden_delta = hidden_error ⊙ σ′(A1).
/// </remarks>
/// <param name="OutputError">y − A2: how far each prediction is from its target.</param>
/// <param name="OutputDelta">The output error scaled by the sigmoid's slope at the output.</param>
/// <param name="HiddenError">The output delta sent back through W2 to each hidden unit.</param>
/// <param name="HiddenDelta">The hidden error scaled by the sigmoid's slope at each hidden unit.</param>
/// <param name="Gradients">What those deltas say about each weight and bias.</param>
public sealed record BackwardPass(
    Matrix<double> OutputError,
    Matrix<double> OutputDelta,
    Matrix<double> HiddenError,
    Matrix<double> HiddenDelta,
    Gradients Gradients);

/// <summary>
/// The gradient of the error E = ½ · Σ (y − A2)² with respect to each weight matrix and bias row.
/// </summary>
/// <remarks>
/// ∂E/∂W2 = −A1ᵀ · output_delta, ∂E/∂b2 = −Σ_rows output_delta, ∂E/∂W1 = −Xᵀ · hidden_delta,
/// ∂E/∂b1 = −Σ_rows hidden_delta. The blog's update <c>W += A1.T.dot(output_delta) * lr</c> is the
/// gradient-descent step W ← W − lr · ∂E/∂W. (E is the sum over the examples, not the mean the blog
/// prints as its loss; the step uses the sum.)
/// </remarks>
/// <param name="Weights1">∂E/∂W1, the same shape as W1.</param>
/// <param name="Bias1">∂E/∂b1, the same shape as b1.</param>
/// <param name="Weights2">∂E/∂W2, the same shape as W2.</param>
/// <param name="Bias2">∂E/∂b2, the same shape as b2.</param>
public sealed record Gradients(Matrix<double> Weights1, Matrix<double> Bias1, Matrix<double> Weights2, Matrix<double> Bias2);
