using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks;

/// <summary>
/// Argument checks whose messages name the parameter and the value it got, on one line, so a
/// learner (or the CLI, which prints the first line) sees exactly what was wrong.
/// </summary>
internal static class Guard
{
    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}, but was {value}.");
        }
    }

    public static void InRange(long value, long minimum, long maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {minimum} to {maximum}, but was {value}.");
        }
    }

    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0, but was {Format(value)}.");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, but was {Format(value)}.");
        }
    }

    public static void NotNull<T>(T? value, string name) where T : class => ArgumentNullException.ThrowIfNull(value, name);

    /// <summary>Checks that a matrix has the expected shape; <c>null</c> for a dimension means any size of at least 1.</summary>
    public static void Shape(Matrix<double> matrix, int? rows, int? columns, string name, string why)
    {
        NotNull(matrix, name);
        var rowsFit = rows is null ? matrix.RowCount >= 1 : matrix.RowCount == rows;
        var columnsFit = columns is null ? matrix.ColumnCount >= 1 : matrix.ColumnCount == columns;
        if (!rowsFit || !columnsFit)
        {
            var expected = $"{rows?.ToString(CultureInfo.InvariantCulture) ?? "n"}×{columns?.ToString(CultureInfo.InvariantCulture) ?? "n"}";
            throw new ArgumentException(
                $"{name} must be {expected} ({why}), but was {matrix.RowCount}×{matrix.ColumnCount}.", name);
        }
    }

    /// <summary>Checks that every entry is a finite number, naming the first one that is not.</summary>
    public static void AllFinite(Matrix<double> matrix, string name) => LargestFinite(matrix, name);

    /// <summary>
    /// Checks that every entry is a finite number, naming the first one that is not, and returns the largest |entry|: one
    /// pass over the storage for both (60,000 images are 47 million numbers), and only a failure walks the rows.
    /// </summary>
    public static double LargestFinite(Matrix<double> matrix, string name)
    {
        NotNull(matrix, name);
        var largest = NeuralNotebooks.Finite.LargestMagnitude(matrix);
        if (!double.IsNaN(largest))
        {
            return largest;
        }
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                var value = matrix[i, j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"{name}[{i}, {j}] must be a finite number, but was {Format(value)}.", name);
                }
            }
        }
        return largest;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
