using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Data;

/// <summary>
/// Examples and their targets: X has one example per row; y has one column of 0/1 for two classes, or
/// one one-hot column per class.
/// </summary>
/// <remarks>
/// The constructor checks the pieces fit together, so a data set that exists is one a network can train on:
/// as many target rows as examples, and every entry a finite number.
/// </remarks>
public sealed record Dataset
{
    /// <summary>Makes a data set from inputs, targets and, optionally, what the classes are called.</summary>
    /// <param name="name">What the data is, for titles.</param>
    /// <param name="X">The inputs, one example per row.</param>
    /// <param name="y">The targets, one row per example: one 0/1 column for two classes, else one one-hot column per class.</param>
    /// <param name="classNames">What each class is called, in class order; the class numbers ("0", "1", …) when not given.</param>
    /// <param name="scaler">How X was scaled from the raw inputs, so other data can be scaled the same way; null when it was not.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="X"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// X is empty; y has a different number of rows than X; an entry of X or y is NaN or infinite (the message names it);
    /// <paramref name="classNames"/> does not give one name per class; <paramref name="scaler"/> does not scale X's columns.
    /// </exception>
    public Dataset(string name, Matrix<double> X, Matrix<double> y, IReadOnlyList<string>? classNames = null, FeatureScaler? scaler = null)
    {
        Guard.NotNull(name, nameof(name));
        Guard.Shape(X, null, null, nameof(X), "one example per row, at least one of each");
        Guard.Shape(y, X.RowCount, null, nameof(y), "one target row per row of X");
        Guard.AllFinite(X, nameof(X));
        Guard.AllFinite(y, nameof(y));
        var classes = ClassesOf(y);
        if (scaler is not null && scaler.Offsets.Count != X.ColumnCount)
        {
            throw new ArgumentException($"scaler must scale the {X.ColumnCount} columns of X, but scales {scaler.Offsets.Count}.", nameof(scaler));
        }
        if (classNames is not null && (classNames.Count != classes || classNames.Any(n => n is null)))
        {
            throw new ArgumentException(
                $"classNames must give one name for each of the {classes} classes of y, but had {classNames.Count}{(classNames.Any(n => n is null) ? " with a null among them" : "")}.",
                nameof(classNames));
        }
        Name = name;
        this.X = X;
        this.y = y;
        Scaler = scaler;
        ClassNames = classNames?.ToArray() ?? [.. Enumerable.Range(0, classes).Select(k => k.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>What the data is, for titles.</summary>
    public string Name { get; }

    /// <summary>The inputs, one example per row.</summary>
    public Matrix<double> X { get; }

    /// <summary>The targets, one row per example: one 0/1 column for two classes, else one one-hot column per class.</summary>
    public Matrix<double> y { get; }

    /// <summary>What each class is called, in class order (class 0 first), for legends and reports.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// How X was scaled from the raw inputs (by <see cref="Csv.Load(string, string, Scaling, bool?, Dataset?)"/>), so test data
    /// and new examples can be scaled the same way with <see cref="FeatureScaler.Apply"/>; null when X is as given.
    /// </summary>
    public FeatureScaler? Scaler { get; }

    /// <summary>How many examples there are.</summary>
    public int Count => X.RowCount;

    /// <summary>How many classes: 2 for a single 0/1 column, else the number of one-hot columns.</summary>
    public int Classes => ClassesOf(y);

    /// <summary>
    /// Each example's class: its 0/1 target, or the position of the 1 in its one-hot row. A new array, read from y at
    /// each access (so changing it changes nothing here): inside a loop, read it once into a variable.
    /// </summary>
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

    /// <summary>The examples at these positions, in this order, named "<see cref="Name"/> (<paramref name="part"/>)".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="part"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A position is not from 0 to <see cref="Count"/> − 1 (the message names it), or there are more than fit in memory.</exception>
    public Dataset Take(IReadOnlyList<int> rows, string part)
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(part, nameof(part));
        if (rows.Count == 0)
        {
            throw new ArgumentException("rows must hold at least one position, but was empty.", nameof(rows));
        }
        MemoryLimit.CheckRows(rows.Count, 1, nameof(rows), "examples", X.ColumnCount, y.ColumnCount);
        for (var i = 0; i < rows.Count; i++)
        {
            Guard.InRange(rows[i], 0, Count - 1, $"rows[{i}]");
        }
        return new Dataset($"{Name} ({part})", RowsOf(X, rows), RowsOf(y, rows), ClassNames, Scaler);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Count} examples, {X.ColumnCount} inputs, {Classes} classes";

    private static int ClassesOf(Matrix<double> y) => y.ColumnCount == 1 ? 2 : y.ColumnCount;

    // Dense storage is column after column, so each column of the result gathers from one column of the source.
    private static Matrix<double> RowsOf(Matrix<double> matrix, IReadOnlyList<int> rows)
    {
        var source = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
        var (sourceRows, count) = (matrix.RowCount, rows.Count);
        var values = new double[count * matrix.ColumnCount];
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            for (var i = 0; i < count; i++)
            {
                values[j * count + i] = source[j * sourceRows + rows[i]];
            }
        }
        return Matrix<double>.Build.Dense(count, matrix.ColumnCount, values);
    }
}
