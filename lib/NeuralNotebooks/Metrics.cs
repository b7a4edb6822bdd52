using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks;

/// <summary>How good a classifier's outputs are.</summary>
public static class Metrics
{
    /// <summary>
    /// Each row's class: for a single column, 1 when the output is at least 0.5; for several, the column with
    /// the largest output.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="outputs"/> is null.</exception>
    /// <exception cref="ArgumentException">An output is NaN or infinite (a diverged network's): it has no class.</exception>
    public static int[] Classes(Matrix<double> outputs)
    {
        Guard.AllFinite(outputs, nameof(outputs));
        return Enumerable.Range(0, outputs.RowCount)
            .Select(i => outputs.ColumnCount == 1 ? (outputs[i, 0] >= 0.5 ? 1 : 0) : outputs.Row(i).MaximumIndex())
            .ToArray();
    }

    /// <summary>The fraction of rows whose predicted class is the target's class.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="outputs"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">y is empty, the two matrices differ in shape, or an entry is NaN or infinite.</exception>
    public static double Accuracy(Matrix<double> outputs, Matrix<double> y)
    {
        Guard.NotNull(outputs, nameof(outputs));
        Guard.Shape(y, null, null, nameof(y), "one target row per example, at least one");
        Guard.Shape(outputs, y.RowCount, y.ColumnCount, nameof(outputs), "the shape of y");
        var predicted = Classes(outputs);
        var actual = Classes(y);
        return predicted.Zip(actual).Count(p => p.First == p.Second) / (double)actual.Length;
    }

    /// <summary>The most classes a confusion matrix can count: its classes × classes counts must fit in one .NET array.</summary>
    public static int MaxClasses { get; } = (int)Math.Sqrt(Array.MaxLength);

    /// <summary>counts[actual, predicted]: how often each class was predicted as each class.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="actual"/> or <paramref name="predicted"/> is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not from 2 to <see cref="MaxClasses"/>, or a list holds a class outside 0 … classes − 1.</exception>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classes)
    {
        Guard.NotNull(actual, nameof(actual));
        Guard.NotNull(predicted, nameof(predicted));
        Guard.InRange(classes, 2, MaxClasses, nameof(classes));
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"predicted must have one class per example ({actual.Count}), but had {predicted.Count}.", nameof(predicted));
        }
        var counts = new int[classes, classes];
        for (var i = 0; i < actual.Count; i++)
        {
            Guard.InRange(actual[i], 0, classes - 1, $"actual[{i}]");
            Guard.InRange(predicted[i], 0, classes - 1, $"predicted[{i}]");
            counts[actual[i], predicted[i]]++;
        }
        return counts;
    }
}
