using System.Buffers;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Losses;

/// <summary>The blog's loss: the mean of the squared differences between targets and outputs.</summary>
/// <remarks>
/// MSE = (1/n) · Σ (y − ŷ)², over every entry, computed as numpy's
/// <c>np.mean(np.square(y - output))</c> computes it (the same summation order, so the same bits).
/// Its gradient, of E = ½ Σ (y − ŷ)², is ŷ − y.
/// </remarks>
public static class MeanSquaredError
{
    // Up to this many squares live on the stack; more are borrowed from the shared array pool (no allocation either way).
    private const int StackLimit = 256;

    /// <summary>The mean of (y − ŷ)² over all entries.</summary>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public static double Value(Matrix<double> y, Matrix<double> output)
    {
        Guard.NotNull(y, nameof(y));
        Guard.Shape(output, y.RowCount, y.ColumnCount, nameof(output), "the same shape as y");
        return Value(y.ToRowMajorArray(), output.ToRowMajorArray());
    }

    /// <summary>The mean of (y − ŷ)² over entries stored row after row, summed in numpy's order.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Value(ReadOnlySpan<double> y, ReadOnlySpan<double> output)
    {
        if (y.Length != output.Length)
        {
            throw new ArgumentException($"output must hold as many numbers as y ({y.Length}), but held {output.Length}.", nameof(output));
        }
        var n = y.Length;
        double[]? rented = null;
        var squares = n <= StackLimit ? stackalloc double[n] : (rented = ArrayPool<double>.Shared.Rent(n)).AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            var difference = y[i] - output[i];
            squares[i] = difference * difference;
        }
        var mean = NumpySum.Pairwise(squares) / n;
        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
        return mean;
    }

    /// <summary>∂E/∂ŷ for one entry, with E = ½ (y − ŷ)²: ŷ − y.</summary>
    public static double Gradient(double y, double output) => output - y;
}

internal sealed record MeanSquaredErrorLoss() : Loss("mse")
{
    public override string LongName => "mean squared error";

    public override double Value(ReadOnlySpan<double> y, ReadOnlySpan<double> a, int width)
    {
        Rows(y.Length, a.Length, width);
        return Losses.MeanSquaredError.Value(y, a);
    }

    public override void Gradient(ReadOnlySpan<double> y, ReadOnlySpan<double> a, Span<double> gradient, int width)
    {
        Rows(y.Length, a.Length, width);
        Rows(y.Length, gradient.Length, width);
        for (var i = 0; i < y.Length; i++)
        {
            gradient[i] = Losses.MeanSquaredError.Gradient(y[i], a[i]);
        }
    }

    /// <summary>E = ½ Σ (y − a)², the blog's objective: half the mean squared error times the number of entries.</summary>
    public override double Objective(Matrix<double> y, Matrix<double> a) => 0.5 * Value(y, a) * (y.RowCount * y.ColumnCount);
}
