using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Data;

/// <summary>
/// Examples and their targets: X has one example per row; y has one column of 0/1 for two classes, or
/// one one-hot column per class.
/// </summary>
/// <param name="Name">What the data is, for titles.</param>
/// <param name="X">The inputs, one example per row.</param>
/// <param name="y">The targets, one row per example.</param>
public sealed record Dataset(string Name, Matrix<double> X, Matrix<double> y)
{
    /// <summary>How many examples there are.</summary>
    public int Count => X.RowCount;

    /// <summary>How many classes: 2 for a single 0/1 column, else the number of one-hot columns.</summary>
    public int Classes => y.ColumnCount == 1 ? 2 : y.ColumnCount;

    /// <summary>Each example's class: its 0/1 target, or the position of the 1 in its one-hot row.</summary>
    public int[] Labels => Metrics.Classes(y);

    /// <summary>
    /// Splits the examples at random (seeded) into a training set and a held-out test set of
    /// <paramref name="testFraction"/> of them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not above 0 and below 1, or leaves a side empty.</exception>
    public (Dataset Train, Dataset Test) Split(double testFraction, long seed = 0)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"testFraction must be above 0 and below 1, but was {Guard.Format(testFraction)}.");
        }
        var testCount = (int)Math.Round(Count * testFraction);
        if (testCount == 0 || testCount == Count)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"testFraction {Guard.Format(testFraction)} of {Count} examples leaves one side empty.");
        }
        var random = new NumpyRandom(seed);
        var order = Enumerable.Range(0, Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.RandomSample() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return (Take(order[testCount..], "train"), Take(order[..testCount], "test"));
    }

    /// <summary>The examples at these positions, in this order.</summary>
    public Dataset Take(IReadOnlyList<int> rows, string part)
    {
        Guard.NotNull(rows, nameof(rows));
        var M = Matrix<double>.Build;
        return new Dataset($"{Name} ({part})",
            M.Dense(rows.Count, X.ColumnCount, (i, j) => X[rows[i], j]),
            M.Dense(rows.Count, y.ColumnCount, (i, j) => y[rows[i], j]));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Count} examples, {X.ColumnCount} inputs, {Classes} classes";
}
