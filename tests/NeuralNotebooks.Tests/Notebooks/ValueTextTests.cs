using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Notebooks;

namespace NeuralNotebooks.Tests.Notebooks;

public class ValueTextTests
{
    [Fact]
    public void A_matrix_is_its_shape_then_its_rows_with_six_decimals_in_aligned_columns()
    {
        var matrix = Matrix<double>.Build.DenseOfRowArrays([1.0, -0.5], [0.25, 2.0]);

        Assert.Equal("2×2\n1.000000  -0.500000\n0.250000   2.000000\n", ValueText.Of(matrix));
    }

    [Fact]
    public void A_large_matrix_shows_at_most_twelve_rows_and_columns()
    {
        var rows = ValueText.Matrix(Matrix<double>.Build.Dense(20, 30, 1.0)).TrimEnd('\n').Split('\n');

        Assert.Equal("20×30", rows[0]);
        Assert.True(rows.Length - 1 <= ValueText.MatrixLimit + 1, $"{rows.Length - 1} rows shown");
        Assert.Contains(rows, r => r.Contains('…', StringComparison.Ordinal) || r.Contains("..", StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_is_itself_and_null_is_shown_as_the_kernel_shows_it()
    {
        Assert.Equal("-0.250919762305275", ValueText.Of("-0.250919762305275"));
        Assert.Equal("<null>", ValueText.Of(null));
    }

    [Fact]
    public void A_sequence_is_one_item_a_line()
    {
        Assert.Equal("2-2-1\n2-8-1", ValueText.Of(new[] { "2-2-1", "2-8-1" }.Select(s => s)));
        Assert.Equal("True\n<null>", ValueText.Of(new object?[] { true, null }));
    }

    [Fact]
    public void Anything_else_is_its_own_text()
    {
        Assert.Equal("True", ValueText.Of(true));
        Assert.Equal("(1, a)", ValueText.Of((1, "a")));
    }

    [Fact]
    public void A_null_matrix_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ValueText.Matrix(null!));
    }
}
