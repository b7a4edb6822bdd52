using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Data;

/// <summary>
/// Your own data from a comma-separated file: one example per line, numeric feature columns and one label column
/// whose values (text or numbers) are the classes.
/// </summary>
/// <remarks>
/// The classes are the label column's distinct values in sorted order (by number when every value is a number, else
/// by text), so the same file always gives the same class numbers. Two classes give y one 0/1 column (1 for the
/// second class); more give one one-hot column per class. <see cref="Dataset.ClassNames"/> keeps the values.
/// </remarks>
public static class Csv
{
    /// <summary>Loads a CSV file, its label column named by its header or given by its number.</summary>
    /// <param name="path">The file (gzipped when its name ends in .gz).</param>
    /// <param name="label">The label column's name in the header, or its number counting from 0 (e.g. "species" or "4").</param>
    /// <param name="scaling">How to scale the features; the fitted scaling is kept in <see cref="Dataset.Scaler"/>.</param>
    /// <param name="header">Whether the first line names the columns; detected when null: it does when one of its fields is not a number where the next line's is.</param>
    /// <param name="like">
    /// A data set loaded earlier (the training data) whose scaling and classes to reuse, so test data is scaled and
    /// numbered exactly as it was; give this or <paramref name="scaling"/>, not both.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException">The label column does not exist (the message lists those that do); or both <paramref name="like"/> and <paramref name="scaling"/> are given, or <paramref name="like"/> has another number of features.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty or has no data rows; a line has the wrong number of fields; a feature is not a number; the
    /// label column holds a single class, or (with <paramref name="like"/>) a class that data set does not have. The
    /// message gives the file, the line and the column.
    /// </exception>
    public static Dataset Load(string path, string label, Scaling scaling = Scaling.None, bool? header = null, Dataset? like = null)
    {
        Guard.NotNull(label, nameof(label));
        return Load(path, names => LabelColumn(path, label, names), scaling, header, like);
    }

    /// <summary>Loads a CSV file whose label column is number <paramref name="label"/>, counting from 0.</summary>
    /// <inheritdoc cref="Load(string, string, Scaling, bool?, Dataset?)"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not the number of a column.</exception>
    public static Dataset Load(string path, int label, Scaling scaling = Scaling.None, bool? header = null, Dataset? like = null) =>
        Load(path, names =>
        {
            Guard.InRange(label, 0, names.Length - 1, nameof(label));
            return label;
        }, scaling, header, like);

    private static Dataset Load(string path, Func<string[], int> labelColumn, Scaling scaling, bool? header, Dataset? like)
    {
        Guard.NotNull(path, nameof(path));
        if (!Enum.IsDefined(scaling))
        {
            throw new ArgumentOutOfRangeException(nameof(scaling), scaling, $"scaling must be one of {string.Join(", ", Enum.GetNames<Scaling>())}, but was {scaling}.");
        }
        if (like is not null && scaling != Scaling.None)
        {
            throw new ArgumentException($"scaling must be None when like is given (like's own scaling is used), but was {scaling}.", nameof(scaling));
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"path must name a CSV file, but there is no file at '{path}'.", path);
        }
        var lines = CsvLines.Read(path).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path}: the file is empty.");
        }
        var hasHeader = header ?? LooksLikeHeader(lines);
        var width = lines[0].Fields.Length;
        var names = hasHeader ? lines[0].Fields : [.. Enumerable.Range(0, width).Select(k => k.ToString(CultureInfo.InvariantCulture))];
        var rows = lines.Skip(hasHeader ? 1 : 0).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: the file holds a header line but no data lines.");
        }
        var labelAt = labelColumn(hasHeader ? names : [.. names.Select(_ => "")]);
        if (width < 2)
        {
            throw new InvalidDataException($"{path}: needs at least one feature column besides the label column, but has {width} column.");
        }
        if (like is not null && like.X.ColumnCount != width - 1)
        {
            throw new ArgumentException($"like must have as many features as {path} ({width - 1}), but had {like.X.ColumnCount}.", nameof(like));
        }
        string Column(int k) => hasHeader ? $"column {k} ('{names[k]}')" : $"column {k}";

        var features = new double[rows.Count, width - 1];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, fields) = rows[i];
            if (fields.Length != width)
            {
                throw new InvalidDataException($"{path}, line {line}: expected {width} comma-separated fields, as on line {lines[0].Line}, but found {fields.Length}.");
            }
            for (var (k, j) = (0, 0); k < width; k++)
            {
                if (k == labelAt)
                {
                    labels[i] = fields[k];
                }
                else if (double.TryParse(fields[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    features[i, j++] = value;
                }
                else
                {
                    throw new InvalidDataException($"{path}, line {line}, {Column(k)}: a feature must be a finite number, but was '{fields[k]}'.");
                }
            }
        }

        var classes = like?.ClassNames ?? Classes(labels);
        if (classes.Count < 2)
        {
            throw new InvalidDataException($"{path}, {Column(labelAt)}: the labels are all '{classes[0]}', a single class; a classifier needs at least two.");
        }
        var index = classes.Select((name, k) => (name, k)).ToDictionary(c => c.name, c => c.k, StringComparer.Ordinal);
        var classOf = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!index.TryGetValue(labels[i], out classOf[i]))
            {
                throw new InvalidDataException($"{path}, line {rows[i].Line}, {Column(labelAt)}: '{labels[i]}' is not one of the classes of {like!.Name} ({string.Join(", ", classes)}).");
            }
        }

        var X = Matrix<double>.Build.DenseOfArray(features);
        var scaler = like is not null ? like.Scaler : scaling == Scaling.None ? null : FeatureScaler.Fit(X, scaling);
        var y = classes.Count == 2
            ? Matrix<double>.Build.Dense(rows.Count, 1, (i, _) => classOf[i])
            : Matrix<double>.Build.Dense(rows.Count, classes.Count, (i, k) => classOf[i] == k ? 1 : 0);
        return new Dataset(NameOf(path), scaler?.Apply(X) ?? X, y, classes, scaler);
    }

    private static int LabelColumn(string path, string label, string[] names)
    {
        var named = Array.IndexOf(names, label);
        if (named >= 0)
        {
            return named;
        }
        if (int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < names.Length)
        {
            return number;
        }
        var columns = names.All(n => n.Length == 0)
            ? $"a column number from 0 to {names.Length - 1} ({path} has no header line to name its columns)"
            : $"one of the columns of {path} ({string.Join(", ", names)}) or a column number from 0 to {names.Length - 1}";
        throw new ArgumentException($"label must be {columns}, but was '{label}'.", nameof(label));
    }

    // The first line names the columns when one of its fields is not a number where the next line's is (a text label
    // column is text on every line, so it cannot tell). A file of one line is a header when none of it is a number.
    private static bool LooksLikeHeader(List<(int Line, string[] Fields)> lines)
    {
        var first = lines[0].Fields;
        if (lines.Count == 1)
        {
            return first.All(f => !IsNumber(f));
        }
        var second = lines[1].Fields;
        return Enumerable.Range(0, Math.Min(first.Length, second.Length)).Any(k => !IsNumber(first[k]) && IsNumber(second[k]));
    }

    private static IReadOnlyList<string> Classes(string[] labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        return distinct.All(IsNumber)
            ? [.. distinct.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }

    private static bool IsNumber(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    private static string NameOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".gz", ".csv" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }
        return name;
    }
}
