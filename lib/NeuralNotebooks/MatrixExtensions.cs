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
        var (rows, columns) = (matrix.RowCount, matrix.ColumnCount);
        if (matrix.AsColumnMajorArray() is not { } values)
        {
            return Matrix<double>.Build.Dense(rows, columns, (i, j) => matrix[i, j] + row[0, j]);
        }
        // Dense storage is column after column: add row[j] to each entry of column j.
        var sums = new double[values.Length];
        for (var j = 0; j < columns; j++)
        {
            var add = row[0, j];
            for (var i = 0; i < rows; i++)
            {
                sums[j * rows + i] = values[j * rows + i] + add;
            }
        }
        return Matrix<double>.Build.Dense(rows, columns, sums);
    }

    /// <summary>
    /// Adds up the rows, giving one 1 × n row: numpy's <c>np.sum(M, axis=0, keepdims=True)</c>
    /// (rows added first to last, as numpy does).
    /// </summary>
    public static Matrix<double> SumOverRows(this Matrix<double> matrix)
    {
        var (rows, columns) = (matrix.RowCount, matrix.ColumnCount);
        var values = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
        var sums = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            var sum = values[j * rows];
            for (var i = 1; i < rows; i++)
            {
                sum += values[j * rows + i];
            }
            sums[j] = sum;
        }
        return Matrix<double>.Build.Dense(1, columns, sums);
    }

    /// <summary>True when every entry is a finite number (no NaN, no infinity).</summary>
    public static bool IsAllFinite(this Matrix<double> matrix) =>
        !double.IsNaN(Finite.LargestMagnitude(matrix));
}
