using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Losses;

/// <summary>
/// A loss as a value-and-derivative pair: the number training reports, and the gradient that
/// backpropagation starts from.
/// </summary>
/// <remarks>
/// <see cref="Value(Matrix{double}, Matrix{double})"/> is a mean (what you watch go down). <see cref="Gradient(Matrix{double}, Matrix{double})"/>
/// is ∂E/∂A of the objective E summed over the examples, as the blog's update uses it; the trainer divides by the batch
/// size when asked for mean gradients.
/// <para>
/// Each loss is written once, as span kernels over rows stored one after another (row-major); the matrix methods
/// call them on a matrix's numbers and the training engines on their own buffers.
/// </para>
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
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No loss has that name.</exception>
    public static Loss Parse(string name, string parameterName = "loss")
    {
        Guard.NotNull(name, parameterName);
        return All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{parameterName} must be one of {string.Join(", ", All.Select(l => l.Name))}, but was '{name}'.", parameterName);
    }

    /// <summary>The loss of outputs <paramref name="a"/> against targets <paramref name="y"/>, averaged.</summary>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public double Value(Matrix<double> y, Matrix<double> a)
    {
        CheckPair(y, a);
        return Value(y.ToRowMajorArray(), a.ToRowMajorArray(), y.ColumnCount);
    }

    /// <summary>∂E/∂A, E being the loss summed over the examples (<see cref="Objective"/>).</summary>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public Matrix<double> Gradient(Matrix<double> y, Matrix<double> a)
    {
        CheckPair(y, a);
        var gradient = new double[y.RowCount * y.ColumnCount];
        Gradient(y.ToRowMajorArray(), a.ToRowMajorArray(), gradient, y.ColumnCount);
        return Matrix<double>.Build.DenseOfRowMajor(y.RowCount, y.ColumnCount, gradient);
    }

    /// <summary>E, the quantity training descends: the loss summed over the examples (for MSE, ½ Σ (y − a)², the blog's).</summary>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public virtual double Objective(Matrix<double> y, Matrix<double> a) => Value(y, a) * y.RowCount;

    /// <summary>
    /// ∂E/∂Z at the output layer: the gradient sent back through the output activation, or its simple closed
    /// form a − y where the activation and the loss are made for each other (sigmoid with binary
    /// cross-entropy, softmax with softmax cross-entropy).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public Matrix<double> OutputDelta(Activation output, Matrix<double> y, Matrix<double> a)
    {
        Guard.NotNull(output, nameof(output));
        CheckPair(y, a);
        var delta = new double[y.RowCount * y.ColumnCount];
        OutputDelta(output, y.ToRowMajorArray(), a.ToRowMajorArray(), delta, y.ColumnCount);
        return Matrix<double>.Build.DenseOfRowMajor(y.RowCount, y.ColumnCount, delta);
    }

    /// <summary>
    /// The mean loss of a block of rows stored one after another (row-major), each <paramref name="width"/> numbers
    /// long: targets <paramref name="y"/>, outputs <paramref name="a"/>.
    /// </summary>
    public abstract double Value(ReadOnlySpan<double> y, ReadOnlySpan<double> a, int width);

    /// <summary>∂E/∂A for a block of rows, written to <paramref name="gradient"/>.</summary>
    public abstract void Gradient(ReadOnlySpan<double> y, ReadOnlySpan<double> a, Span<double> gradient, int width);

    /// <summary>
    /// ∂E/∂Z at the output for a block of rows: <see cref="Gradient(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>
    /// sent back through <paramref name="output"/>, or a − y when <paramref name="output"/> is <see cref="MatchedOutput"/>.
    /// </summary>
    public void OutputDelta(Activation output, ReadOnlySpan<double> y, ReadOnlySpan<double> a, Span<double> delta, int width)
    {
        Guard.NotNull(output, nameof(output));
        if (output != MatchedOutput)
        {
            Gradient(y, a, delta, width);
            output.Backward(a, delta, delta, width);
            return;
        }
        Rows(y.Length, a.Length, width);
        Rows(y.Length, delta.Length, width);
        for (var i = 0; i < y.Length; i++)
        {
            delta[i] = a[i] - y[i];
        }
    }

    /// <summary>
    /// The output activation this loss is made for, where ∂E/∂Z simplifies to a − y (the activation's slope cancels
    /// against the loss's: sigmoid for binary cross-entropy, softmax for softmax cross-entropy); null for none.
    /// </summary>
    private protected virtual Activation? MatchedOutput => null;

    /// <summary>
    /// Checks that this loss can train a network whose output layer is <paramref name="output"/> (with
    /// <paramref name="outputs"/> outputs) on the targets <paramref name="y"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The loss, the output activation or the targets do not fit together.</exception>
    internal virtual void CheckFits(Activation output, int outputs, Matrix<double> y, string targetsName)
    {
        if (output == Activation.Softmax)
        {
            throw new ArgumentException(
                $"loss must be softmax-ce for a network whose output layer is softmax (its outputs are class probabilities), but was {Name}; for {Name}, give the network a sigmoid output layer.", "loss");
        }
    }

    /// <inheritdoc />
    public sealed override string ToString() => Name;

    /// <summary>Outputs are clipped this far from 0 and 1 before taking logarithms.</summary>
    protected const double Epsilon = 1e-12;

    /// <summary>The number of rows in a block of <paramref name="length"/> numbers, <paramref name="width"/> to a row.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or do not hold a whole number of rows.</exception>
    private protected static int Rows(int length, int otherLength, int width)
    {
        if (length != otherLength)
        {
            throw new ArgumentException($"The spans must be equally long, but were {length} and {otherLength} numbers.");
        }
        if (width < 1 || length % width != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width must divide the {length} numbers into whole rows, but was {width}.");
        }
        return length / width;
    }

    private static void CheckPair(Matrix<double> y, Matrix<double> a)
    {
        Guard.NotNull(y, nameof(y));
        Guard.Shape(a, y.RowCount, y.ColumnCount, nameof(a), "the shape of y");
    }
}
