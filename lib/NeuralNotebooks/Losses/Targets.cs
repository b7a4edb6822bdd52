using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Losses;

/// <summary>The checks a loss makes of its targets before training starts, each naming the first entry that fails.</summary>
internal static class Targets
{
    /// <summary>How far a row of probabilities may add up from 1 (rounding in the data's own arithmetic).</summary>
    private const double RowSumTolerance = 1e-6;

    public static void CheckBetweenZeroAndOne(Matrix<double> y, string name, string loss)
    {
        for (var i = 0; i < y.RowCount; i++)
        {
            for (var k = 0; k < y.ColumnCount; k++)
            {
                if (!(y[i, k] >= 0 && y[i, k] <= 1))
                {
                    throw new ArgumentException($"{name}[{i}, {k}] must be from 0 to 1 for {loss}, but was {Guard.Format(y[i, k])}.", name);
                }
            }
        }
    }

    public static void CheckProbabilityRows(Matrix<double> y, string name)
    {
        CheckBetweenZeroAndOne(y, name, "softmax cross-entropy");
        for (var i = 0; i < y.RowCount; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < y.ColumnCount; k++)
            {
                sum += y[i, k];
            }
            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} row {i} must add up to 1 for softmax cross-entropy (a probability for each class), but added up to {Guard.Format(sum)}."), name);
            }
        }
    }
}
