using System.Collections;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Notebooks;

/// <summary>
/// A value as the course shows it in text: what a notebook cell that ends with the value displays, and what a lesson
/// converted to a file-based app prints in its place.
/// </summary>
public static class ValueText
{
    /// <summary>How many rows and columns of a matrix are shown before the rest is elided.</summary>
    public const int MatrixLimit = 12;

    /// <summary>The value as text.</summary>
    /// <remarks>
    /// A matrix is its shape and then its entries with six decimals (<see cref="Matrix"/>); a string is itself; any
    /// other sequence is one item a line, each shown by these same rules; <c>null</c> is <c>&lt;null&gt;</c>, as the
    /// notebook kernel shows it; anything else is its <see cref="object.ToString"/>.
    /// </remarks>
    public static string Of(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        Matrix<double> matrix => Matrix(matrix),
        IEnumerable items => string.Join("\n", items.Cast<object?>().Select(Of)),
        _ => value.ToString() ?? "",
    };

    /// <summary>A matrix as its shape ("4×2") on one line, then its entries with six decimals, one row a line.</summary>
    /// <remarks>At most <see cref="MatrixLimit"/> rows and columns are shown; MathNet marks the elided ones.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static string Matrix(Matrix<double> matrix)
    {
        Guard.NotNull(matrix, nameof(matrix));
        return $"{matrix.RowCount}×{matrix.ColumnCount}\n{matrix.ToMatrixString(MatrixLimit, MatrixLimit, "0.000000")}";
    }
}
