using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Activations;

/// <summary>
/// An activation function as a value-and-derivative pair, applied to every entry of a matrix.
/// </summary>
/// <remarks>
/// The derivative is written in terms of the activation's <em>output</em> a = f(z), as the blog's
/// <c>sigmoid_derivative(x) = x * (1 - x)</c> is: backpropagation then needs only the activations
/// the forward pass kept.
/// <para>
/// Every path computes an activation through the same two span kernels, <see cref="Apply(ReadOnlySpan{double}, Span{double}, int)"/>
/// and <see cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>: the matrix methods call them on a
/// matrix's numbers, the training engines on their own buffers. So each formula is written once.
/// </para>
/// </remarks>
/// <param name="Name">A short name, such as <c>sigmoid</c>.</param>
/// <param name="Function">f(z) for one number.</param>
/// <param name="DerivativeFromOutput">f′ expressed through the output a = f(z).</param>
public record Activation(string Name, Func<double, double> Function, Func<double, double> DerivativeFromOutput)
{
    /// <summary>The slope leaky ReLU keeps for negative z.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>The blog's sigmoid: σ(z) = 1 / (1 + e^(−z)), σ′ = a · (1 − a).</summary>
    public static Activation Sigmoid { get; } = new EntrywiseActivation<SigmoidFormula>("sigmoid");

    /// <summary>The hyperbolic tangent: tanh(z), between −1 and 1; tanh′ = 1 − a².</summary>
    public static Activation Tanh { get; } = new EntrywiseActivation<TanhFormula>("tanh");

    /// <summary>The rectified linear unit: max(0, z); its slope is 1 where a &gt; 0 and 0 elsewhere.</summary>
    public static Activation ReLU { get; } = new EntrywiseActivation<ReLUFormula>("relu");

    /// <summary>Leaky ReLU: z for z &gt; 0, else 0.01 · z, so a neuron never stops learning entirely.</summary>
    public static Activation LeakyReLU { get; } = new EntrywiseActivation<LeakyReLUFormula>("leaky-relu");

    /// <summary>The identity: f(z) = z, slope 1. A network of linear layers is itself linear.</summary>
    public static Activation Linear { get; } = new EntrywiseActivation<LinearFormula>("linear");

    /// <summary>Softmax over each row: e^(z_k) / Σ_j e^(z_j), a probability for each class; pairs with the softmax cross-entropy loss.</summary>
    public static Activation Softmax { get; } = new SoftmaxActivation();

    /// <summary>Every activation the library offers.</summary>
    public static IReadOnlyList<Activation> All { get; } = [Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax];

    /// <summary>The activation with this name (sigmoid, tanh, relu, leaky-relu, linear, softmax).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No activation has that name.</exception>
    public static Activation Parse(string name, string parameterName = "activation")
    {
        Guard.NotNull(name, parameterName);
        return All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{parameterName} must be one of {string.Join(", ", All.Select(a => a.Name))}, but was '{name}'.", parameterName);
    }

    /// <summary>f applied to every entry of <paramref name="z"/> (softmax: to every row).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="z"/> is null.</exception>
    public Matrix<double> Apply(Matrix<double> z)
    {
        Guard.NotNull(z, nameof(z));
        var values = z.ToRowMajorArray();
        Apply(values, values, z.ColumnCount);
        return Matrix<double>.Build.DenseOfRowMajor(z.RowCount, z.ColumnCount, values);
    }

    /// <summary>f′ for every entry, given the activations <paramref name="a"/> = f(z).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public Matrix<double> Derivative(Matrix<double> a)
    {
        Guard.NotNull(a, nameof(a));
        return a.Map(DerivativeFromOutput, Zeros.Include);
    }

    /// <summary>
    /// Backpropagation through the activation: from ∂E/∂A to ∂E/∂Z. For an activation applied entry by entry
    /// that is ∂E/∂A ⊙ f′(A).
    /// </summary>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public Matrix<double> Backward(Matrix<double> a, Matrix<double> gradientOfOutput)
    {
        Guard.NotNull(a, nameof(a));
        Guard.Shape(gradientOfOutput, a.RowCount, a.ColumnCount, nameof(gradientOfOutput), "the shape of a");
        var result = gradientOfOutput.ToRowMajorArray();
        Backward(a.ToRowMajorArray(), result, result, a.ColumnCount);
        return Matrix<double>.Build.DenseOfRowMajor(a.RowCount, a.ColumnCount, result);
    }

    /// <summary>
    /// a = f(z) for a block of rows stored one after another, each <paramref name="width"/> numbers long;
    /// <paramref name="a"/> may be <paramref name="z"/> itself.
    /// </summary>
    /// <remarks>Here f(z) is <see cref="Function"/> entry by entry; softmax works on each row as a whole.</remarks>
    /// <exception cref="ArgumentException">The spans differ in length, or it is not a whole number of rows.</exception>
    public virtual void Apply(ReadOnlySpan<double> z, Span<double> a, int width)
    {
        CheckRows(z.Length, a.Length, width);
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = Function(z[i]);
        }
    }

    /// <summary>
    /// ∂E/∂Z from ∂E/∂A for a block of rows, given the activations <paramref name="a"/>;
    /// <paramref name="gradientOfInput"/> may be <paramref name="gradientOfOutput"/> itself.
    /// </summary>
    /// <remarks>Entry by entry, ∂E/∂z = ∂E/∂a · f′(a) with f′ from <see cref="DerivativeFromOutput"/>.</remarks>
    /// <exception cref="ArgumentException">The spans differ in length, or it is not a whole number of rows.</exception>
    public virtual void Backward(ReadOnlySpan<double> a, ReadOnlySpan<double> gradientOfOutput, Span<double> gradientOfInput, int width)
    {
        CheckRows(a.Length, gradientOfOutput.Length, width);
        CheckRows(a.Length, gradientOfInput.Length, width);
        for (var i = 0; i < a.Length; i++)
        {
            gradientOfInput[i] = gradientOfOutput[i] * DerivativeFromOutput(a[i]);
        }
    }

    /// <inheritdoc />
    public sealed override string ToString() => Name;

    /// <summary>
    /// The largest |f(z)| for |z| up to <paramref name="largestInput"/>: max(|f(−z)|, |f(z)|), exact for an activation that
    /// only rises (as all the library's entry-by-entry ones do).
    /// </summary>
    internal virtual double Bound(double largestInput) => Math.Max(Math.Abs(Function(largestInput)), Math.Abs(Function(-largestInput)));

    /// <summary>
    /// True when <see cref="Apply(ReadOnlySpan{double}, Span{double}, int)"/> and <see cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>
    /// are known to work entry by entry, so any part of a row may be computed apart from the rest (false for softmax, and
    /// for activations defined outside the library, which may override them).
    /// </summary>
    internal virtual bool EntryByEntry => false;

    private protected static void CheckRows(int length, int otherLength, int width)
    {
        if (length != otherLength)
        {
            throw new ArgumentException($"The spans must be equally long, but were {length} and {otherLength} numbers.");
        }
        if (width < 1 || length % width != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width must divide the {length} numbers into whole rows, but was {width}.");
        }
    }
}
