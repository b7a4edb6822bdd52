using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Activations;

/// <summary>
/// An activation function as a value-and-derivative pair, applied to every entry of a matrix.
/// </summary>
/// <remarks>
/// The derivative is written in terms of the activation's <em>output</em> a = f(z), as the blog's
/// <c>sigmoid_derivative(x) = x * (1 - x)</c> is: backpropagation then needs only the activations
/// the forward pass kept.
/// </remarks>
/// <param name="Name">A short name, such as <c>sigmoid</c>.</param>
/// <param name="Function">f(z) for one number.</param>
/// <param name="DerivativeFromOutput">f′ expressed through the output a = f(z).</param>
public sealed record Activation(string Name, Func<double, double> Function, Func<double, double> DerivativeFromOutput)
{
    /// <summary>The blog's sigmoid: σ(z) = 1 / (1 + e^(−z)), σ′ = a · (1 − a).</summary>
    public static Activation Sigmoid { get; } = new("sigmoid", Activations.Sigmoid.Value, Activations.Sigmoid.DerivativeFromOutput);

    /// <summary>f applied to every entry of <paramref name="z"/>.</summary>
    public Matrix<double> Apply(Matrix<double> z) => z.Map(Function, Zeros.Include);

    /// <summary>f′ for every entry, given the activations <paramref name="a"/> = f(z).</summary>
    public Matrix<double> Derivative(Matrix<double> a) => a.Map(DerivativeFromOutput, Zeros.Include);
}
