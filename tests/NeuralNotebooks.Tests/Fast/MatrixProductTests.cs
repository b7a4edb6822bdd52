using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Fast;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>The fast engine's transpose and row-after-row copy give every entry in its place, whatever the shape.</summary>
public class MatrixProductTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(16, 24)]
    [InlineData(13, 29)]   // neither a multiple of the 8 × 8 blocks
    [InlineData(784, 10)]
    [InlineData(3, 1000)]
    public void A_transpose_puts_every_entry_in_its_place(int rows, int columns)
    {
        var source = Enumerable.Range(0, rows * columns).Select(k => k + 0.5).ToArray();
        var target = new double[rows * columns];

        MatrixProduct.Transpose(source, target, rows, columns, 0, rows);

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                Assert.Equal(source[i * columns + j], target[j * rows + i]);
            }
        }
    }

    [Theory]
    [InlineData(21, 19, 3, 17)]
    [InlineData(40, 16, 8, 24)]
    public void A_transpose_of_some_rows_writes_only_theirs(int rows, int columns, int rowStart, int rowEnd)
    {
        var source = Enumerable.Range(0, rows * columns).Select(k => k + 0.5).ToArray();
        var target = Enumerable.Repeat(-1.0, rows * columns).ToArray();

        MatrixProduct.Transpose(source, target, rows, columns, rowStart, rowEnd);

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                Assert.Equal(i >= rowStart && i < rowEnd ? source[i * columns + j] : -1.0, target[j * rows + i]);
            }
        }
    }

    [Fact]
    public void A_transpose_that_does_not_fit_its_arrays_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MatrixProduct.Transpose(new double[12], new double[11], 3, 4, 0, 3));
        Assert.Contains("3 × 4", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_large_matrix_is_copied_row_after_row_on_one_core_or_two_into_a_longer_array(bool twoCores)
    {
        // 1,101 × 1,003 entries (more than a million, so two cores share the copy), neither a multiple of 8.
        var matrix = Matrix<double>.Build.Dense(1101, 1003, (i, j) => i * 10_000.0 + j);
        var longer = new double[matrix.RowCount * matrix.ColumnCount + 5];
        using var cores = twoCores ? new TwoCores() : null;

        var rows = MatrixProduct.RowMajor(matrix, longer, cores);

        Assert.Same(longer, rows);
        Assert.Equal(matrix.ToRowMajorArray(), rows.Take(matrix.RowCount * matrix.ColumnCount));
    }
}
