using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Losses;

/// <summary>The blog's loss: the mean of the squared differences between targets and outputs.</summary>
/// <remarks>
/// MSE = (1/n) · Σ (y − ŷ)², over every entry, computed as numpy's
/// <c>np.mean(np.square(y - output))</c> computes it (the same summation order, so the same bits).
/// </remarks>
public static class MeanSquaredError
{
    /// <summary>The mean of (y − ŷ)² over all entries.</summary>
    /// <exception cref="ArgumentException">The two matrices differ in shape.</exception>
    public static double Value(Matrix<double> y, Matrix<double> output)
    {
        Guard.Shape(output, y.RowCount, y.ColumnCount, nameof(output), "the same shape as y");
        var squares = new double[y.RowCount * y.ColumnCount];
        var k = 0;
        for (var i = 0; i < y.RowCount; i++)
        {
            for (var j = 0; j < y.ColumnCount; j++)
            {
                var difference = y[i, j] - output[i, j];
                squares[k++] = difference * difference;
            }
        }
        return NumpySum.Pairwise(squares) / squares.Length;
    }
}
