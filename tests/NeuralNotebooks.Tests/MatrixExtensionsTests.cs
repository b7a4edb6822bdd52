using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Tests;

public class MatrixExtensionsTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    [Fact]
    public void AddToEachRow_broadcasts_a_row_as_numpy_does()
    {
        var sum = M.DenseOfRowArrays([1, 2], [3, 4], [5, 6]).AddToEachRow(M.DenseOfRowArrays([10, 20]));

        Assert.Equal(M.DenseOfRowArrays([11, 22], [13, 24], [15, 26]), sum);
    }

    [Fact]
    public void AddToEachRow_rejects_a_row_of_the_wrong_width()
    {
        var e = Assert.Throws<ArgumentException>(() => M.Dense(3, 2).AddToEachRow(M.Dense(1, 3)));

        Assert.Equal("row", e.ParamName);
        Assert.Contains("1×3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SumOverRows_gives_one_row_of_column_totals()
    {
        Assert.Equal(M.DenseOfRowArrays([9, 12]), M.DenseOfRowArrays([1, 2], [3, 4], [5, 6]).SumOverRows());
    }

    [Theory]
    [InlineData(4, 2, 4)]
    [InlineData(4, 4, 1)]
    [InlineData(4, 16, 1)]
    [InlineData(1, 2, 8)]
    public void MathNets_products_add_in_index_order_as_the_blogs_numpy_does(int m, int k, int n)
    {
        // The byte-for-byte match with numpy relies on every dot product being summed first to last.
        var random = new NumpyRandom(m * 100 + k * 10 + n);
        var a = random.Uniform(-1, 1, m, k);
        var b = random.Uniform(-1, 1, k, n);
        var c = random.Uniform(-1, 1, m, n);

        Assert.Equal(Sequential(a, b), a * b);
        Assert.Equal(Sequential(a.Transpose(), c), a.TransposeThisAndMultiply(c));
        Assert.Equal(Sequential(c, b.Transpose()), c.TransposeAndMultiply(b));
    }

    private static Matrix<double> Sequential(Matrix<double> a, Matrix<double> b) =>
        M.Dense(a.RowCount, b.ColumnCount, (i, j) =>
        {
            var sum = 0.0;
            for (var k = 0; k < a.ColumnCount; k++)
            {
                sum += a[i, k] * b[k, j];
            }
            return sum;
        });
}
