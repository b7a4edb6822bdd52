using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks;

/// <summary>The two pieces of numpy broadcasting the blog's network needs, for MathNet matrices.</summary>
public static class MatrixExtensions
{
    /// <summary>
    /// Adds a 1 × n row to every row of an m × n matrix: numpy's <c>Z + b</c> when <c>b</c> has shape (1, n).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="row"/> is not 1 × n.</exception>
    public static Matrix<double> AddToEachRow(this Matrix<double> matrix, Matrix<double> row)
    {
        Guard.Shape(row, 1, matrix.ColumnCount, nameof(row), "one row, as wide as the matrix");
        return Matrix<double>.Build.Dense(matrix.RowCount, matrix.ColumnCount, (i, j) => matrix[i, j] + row[0, j]);
    }

    /// <summary>
    /// Adds up the rows, giving one 1 × n row: numpy's <c>np.sum(M, axis=0, keepdims=True)</c>
    /// (rows added first to last, as numpy does).
    /// </summary>
    public static Matrix<double> SumOverRows(this Matrix<double> matrix)
    {
        var sums = Matrix<double>.Build.Dense(1, matrix.ColumnCount);
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            var sum = matrix[0, j];
            for (var i = 1; i < matrix.RowCount; i++)
            {
                sum += matrix[i, j];
            }
            sums[0, j] = sum;
        }
        return sums;
    }

    /// <summary>True when every entry is a finite number (no NaN, no infinity).</summary>
    public static bool IsAllFinite(this Matrix<double> matrix) => matrix.ForAll(double.IsFinite, Zeros.Include);
}
