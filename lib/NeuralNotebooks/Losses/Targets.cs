using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Losses;

/// <summary>The checks a loss makes of its targets before training starts, each naming the first entry that fails.</summary>
internal static class Targets
{
    /// <summary>How far a row of probabilities may add up from 1 (rounding in the data's own arithmetic).</summary>
    private const double RowSumTolerance = 1e-6;

    public static void CheckBetweenZeroAndOne(Matrix<double> y, string name, string loss) =>
        CheckBetweenZeroAndOne(y.RowCount, ColumnAfterColumn(y), name, loss);

    public static void CheckProbabilityRows(Matrix<double> y, string name)
    {
        var (rows, entries) = (y.RowCount, ColumnAfterColumn(y));
        CheckBetweenZeroAndOne(rows, entries, name, "softmax cross-entropy");
        for (var i = 0; i < rows; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < y.ColumnCount; k++)
            {
                sum += entries[k * rows + i];
            }
            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} row {i} must add up to 1 for softmax cross-entropy (a probability for each class), but added up to {Guard.Format(sum)}."), name);
            }
        }
    }

    /// <summary>Checks entries stored column after column, <paramref name="rows"/> to a column, naming the first that fails in row order.</summary>
    private static void CheckBetweenZeroAndOne(int rows, double[] entries, string name, string loss)
    {
        // One pass over the storage says whether any entry fails; only then are the rows walked to name the first.
        if (AllBetweenZeroAndOne(entries))
        {
            return;
        }
        var columns = rows == 0 ? 0 : entries.Length / rows;
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < columns; k++)
            {
                var value = entries[k * rows + i];
                if (!IsFromZeroToOne(value))
                {
                    throw new ArgumentException($"{name}[{i}, {k}] must be from 0 to 1 for {loss}, but was {Guard.Format(value)}.", name);
                }
            }
        }
    }

    // False for NaN, as every comparison with it is.
    private static bool IsFromZeroToOne(double value) => value >= 0 && value <= 1;

    /// <summary>The entries in MathNet's order, without a copy when the matrix is dense (60,000 one-hot rows are 600,000 numbers).</summary>
    private static double[] ColumnAfterColumn(Matrix<double> y) => y.AsColumnMajorArray() ?? y.ToColumnMajorArray();

    private static bool AllBetweenZeroAndOne(ReadOnlySpan<double> values)
    {
        var width = System.Numerics.Vector<double>.Count;
        var i = 0;
        for (; i <= values.Length - width; i += width)
        {
            // A comparison with NaN is false, so NaN fails as it does below.
            var v = new System.Numerics.Vector<double>(values[i..]);
            if (!System.Numerics.Vector.GreaterThanOrEqualAll(v, System.Numerics.Vector<double>.Zero)
                || !System.Numerics.Vector.LessThanOrEqualAll(v, System.Numerics.Vector<double>.One))
            {
                return false;
            }
        }
        for (; i < values.Length; i++)
        {
            if (!IsFromZeroToOne(values[i]))
            {
                return false;
            }
        }
        return true;
    }
}
