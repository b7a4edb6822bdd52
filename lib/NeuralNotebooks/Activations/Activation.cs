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
public record Activation(string Name, Func<double, double> Function, Func<double, double> DerivativeFromOutput)
{
    /// <summary>The slope leaky ReLU keeps for negative z.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>The blog's sigmoid: σ(z) = 1 / (1 + e^(−z)), σ′ = a · (1 − a).</summary>
    public static Activation Sigmoid { get; } = new("sigmoid", Activations.Sigmoid.Value, Activations.Sigmoid.DerivativeFromOutput);

    /// <summary>The hyperbolic tangent: tanh(z), between −1 and 1; tanh′ = 1 − a².</summary>
    public static Activation Tanh { get; } = new("tanh", Math.Tanh, a => 1 - a * a);

    /// <summary>The rectified linear unit: max(0, z); its slope is 1 where a &gt; 0 and 0 elsewhere.</summary>
    public static Activation ReLU { get; } = new("relu", z => z > 0 ? z : 0, a => a > 0 ? 1 : 0);

    /// <summary>Leaky ReLU: z for z &gt; 0, else 0.01 · z, so a neuron never stops learning entirely.</summary>
    public static Activation LeakyReLU { get; } = new("leaky-relu", z => z > 0 ? z : LeakySlope * z, a => a > 0 ? 1 : LeakySlope);

    /// <summary>The identity: f(z) = z, slope 1. A network of linear layers is itself linear.</summary>
    public static Activation Linear { get; } = new("linear", z => z, _ => 1);

    /// <summary>Softmax over each row: e^(z_k) / Σ_j e^(z_j), a probability for each class; pairs with the softmax cross-entropy loss.</summary>
    public static Activation Softmax { get; } = new SoftmaxActivation();

    /// <summary>Every activation the library offers.</summary>
    public static IReadOnlyList<Activation> All { get; } = [Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax];

    /// <summary>The activation with this name (sigmoid, tanh, relu, leaky-relu, linear, softmax).</summary>
    /// <exception cref="ArgumentException">No activation has that name.</exception>
    public static Activation Parse(string name, string parameterName = "activation") =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"{parameterName} must be one of {string.Join(", ", All.Select(a => a.Name))}, but was '{name}'.", parameterName);

    /// <summary>f applied to every entry of <paramref name="z"/>.</summary>
    public virtual Matrix<double> Apply(Matrix<double> z) => z.Map(Function, Zeros.Include);

    /// <summary>f′ for every entry, given the activations <paramref name="a"/> = f(z).</summary>
    public Matrix<double> Derivative(Matrix<double> a) => a.Map(DerivativeFromOutput, Zeros.Include);

    /// <summary>
    /// Backpropagation through the activation: from ∂E/∂A to ∂E/∂Z. For an activation applied entry by entry
    /// that is ∂E/∂A ⊙ f′(A).
    /// </summary>
    public virtual Matrix<double> Backward(Matrix<double> a, Matrix<double> gradientOfOutput) =>
        gradientOfOutput.PointwiseMultiply(Derivative(a));

    /// <inheritdoc />
    public sealed override string ToString() => Name;
}

/// <summary>Softmax works on a whole row at once, so its forward and backward steps are its own.</summary>
internal sealed record SoftmaxActivation() : Activation("softmax", z => z, _ => 1)
{
    /// <summary>e^(z_k − max z) / Σ_j e^(z_j − max z) for each row (subtracting the maximum keeps e^z finite).</summary>
    public override Matrix<double> Apply(Matrix<double> z)
    {
        var a = Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount);
        for (var i = 0; i < z.RowCount; i++)
        {
            var max = z.Row(i).Maximum();
            var sum = 0.0;
            for (var k = 0; k < z.ColumnCount; k++)
            {
                a[i, k] = Math.Exp(z[i, k] - max);
                sum += a[i, k];
            }
            for (var k = 0; k < z.ColumnCount; k++)
            {
                a[i, k] /= sum;
            }
        }
        return a;
    }

    /// <summary>The softmax Jacobian times ∂E/∂A, row by row: ∂E/∂z_k = a_k · (g_k − Σ_j g_j a_j).</summary>
    public override Matrix<double> Backward(Matrix<double> a, Matrix<double> gradientOfOutput)
    {
        var result = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        for (var i = 0; i < a.RowCount; i++)
        {
            var weighted = 0.0;
            for (var k = 0; k < a.ColumnCount; k++)
            {
                weighted += gradientOfOutput[i, k] * a[i, k];
            }
            for (var k = 0; k < a.ColumnCount; k++)
            {
                result[i, k] = a[i, k] * (gradientOfOutput[i, k] - weighted);
            }
        }
        return result;
    }
}
