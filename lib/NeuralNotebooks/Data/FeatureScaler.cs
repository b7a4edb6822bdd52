using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Data;

/// <summary>
/// A scaling fitted to one set of inputs: each column's offset and scale, kept so that other inputs (test data, a
/// new example) are scaled exactly as the training data was.
/// </summary>
/// <remarks>
/// Scaled x = (x − offset) / scale, column by column. Min-max: offset = the column's minimum, scale = maximum −
/// minimum. Standardise: offset = the column's mean, scale = its standard deviation √(Σ(x − mean)² / n) (over n,
/// as scikit-learn's StandardScaler). A column with a single value has nothing to stretch: its scale is 1, so it
/// becomes 0. Data other than the fitted data may fall outside [0, 1] or have another mean: that is the point.
/// </remarks>
public sealed record FeatureScaler
{
    private FeatureScaler(Scaling kind, double[] offsets, double[] scales) => (Kind, Offsets, Scales) = (kind, offsets, scales);

    /// <summary>Which scaling this is.</summary>
    public Scaling Kind { get; }

    /// <summary>What is subtracted from each column: its minimum or mean on the fitted data (0 for <see cref="Scaling.None"/>).</summary>
    public IReadOnlyList<double> Offsets { get; }

    /// <summary>What each column is then divided by: its range or standard deviation on the fitted data (1 for <see cref="Scaling.None"/>).</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>Fits a scaling of this kind to <paramref name="X"/>'s columns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="X"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="X"/> is empty or holds an entry that is not a finite number.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a <see cref="Scaling"/>.</exception>
    public static FeatureScaler Fit(Matrix<double> X, Scaling kind)
    {
        Guard.Shape(X, null, null, nameof(X), "one example per row, at least one of each");
        Guard.AllFinite(X, nameof(X));
        var columns = X.EnumerateColumns().ToArray();
        return kind switch
        {
            Scaling.None => new(kind, new double[columns.Length], [.. columns.Select(_ => 1.0)]),
            Scaling.MinMax => new(kind, [.. columns.Select(c => c.Minimum())], [.. columns.Select(c => NonZero(c.Maximum() - c.Minimum()))]),
            Scaling.Standardize => new(kind, [.. columns.Select(c => c.Average())], [.. columns.Select(c => NonZero(StandardDeviation(c)))]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be one of {string.Join(", ", Enum.GetNames<Scaling>())}, but was {kind}."),
        };
    }

    /// <summary>Scales <paramref name="X"/>'s columns as the fitted data's were, giving a new matrix.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="X"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="X"/> does not have one column per fitted column.</exception>
    public Matrix<double> Apply(Matrix<double> X)
    {
        Guard.Shape(X, null, Offsets.Count, nameof(X), "one column per column the scaling was fitted to");
        return Matrix<double>.Build.Dense(X.RowCount, X.ColumnCount, (i, j) => (X[i, j] - Offsets[j]) / Scales[j]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} scaling of {Offsets.Count} columns";

    private static double StandardDeviation(Vector<double> column)
    {
        var mean = column.Average();
        return Math.Sqrt(column.Sum(x => (x - mean) * (x - mean)) / column.Count);
    }

    private static double NonZero(double scale) => scale == 0 ? 1 : scale;
}
