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
        return Load(path, table => LabelColumn(label, table), scaling, header, like);
    }

    /// <summary>Loads a CSV file whose label column is number <paramref name="label"/>, counting from 0.</summary>
    /// <inheritdoc cref="Load(string, string, Scaling, bool?, Dataset?)"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not the number of a column.</exception>
    public static Dataset Load(string path, int label, Scaling scaling = Scaling.None, bool? header = null, Dataset? like = null) =>
        Load(path, table =>
        {
            Guard.InRange(label, 0, table.Width - 1, nameof(label));
            return label;
        }, scaling, header, like);

    private static Dataset Load(string path, Func<Table, int> labelColumn, Scaling scaling, bool? header, Dataset? like)
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
        var table = Table.Read(path, header);
        var labelAt = labelColumn(table);
        if (table.Width < 2)
        {
            throw new InvalidDataException($"{path}: needs at least one feature column besides the label column, but has {table.Width} column.");
        }
        if (like is not null && like.X.ColumnCount != table.Width - 1)
        {
            throw new ArgumentException($"like must have as many features as {path} ({table.Width - 1}), but had {like.X.ColumnCount}.", nameof(like));
        }
        var (features, labels) = Parse(table, labelAt);
        var classes = like?.ClassNames ?? Classes(labels);
        if (classes.Count < 2)
        {
            throw new InvalidDataException($"{path}, {table.Column(labelAt)}: the labels are all '{classes[0]}', a single class; a classifier needs at least two.");
        }
        var classOf = Number(table, labelAt, labels, classes, like);
        var X = Matrix<double>.Build.DenseOfArray(features);
        var scaler = like is not null ? like.Scaler : scaling == Scaling.None ? null : FeatureScaler.Fit(X, scaling);
        var y = classes.Count == 2
            ? Matrix<double>.Build.Dense(classOf.Length, 1, (i, _) => classOf[i])
            : Matrix<double>.Build.Dense(classOf.Length, classes.Count, (i, k) => classOf[i] == k ? 1 : 0);
        return new Dataset(NameOf(path), scaler?.Apply(X) ?? X, y, classes, scaler);
    }

    // Every field but the label's must be a finite number.
    private static (double[,] Features, string[] Labels) Parse(Table table, int labelAt)
    {
        var features = new double[table.Rows.Count, table.Width - 1];
        var labels = new string[table.Rows.Count];
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var (line, fields) = table.Rows[i];
            if (fields.Length != table.Width)
            {
                throw new InvalidDataException($"{table.Path}, line {line}: expected {table.Width} comma-separated fields, as on line {table.FirstLine}, but found {fields.Length}.");
            }
            for (var (k, j) = (0, 0); k < table.Width; k++)
            {
                if (k == labelAt)
                {
                    labels[i] = fields[k];
                }
                else if (IsNumber(fields[k], out var value))
                {
                    features[i, j++] = value;
                }
                else
                {
                    throw new InvalidDataException($"{table.Path}, line {line}, {table.Column(k)}: a feature must be a finite number, but was '{fields[k]}'.");
                }
            }
        }
        return (features, labels);
    }

    // Each row's class number: the position of its label among the classes.
    private static int[] Number(Table table, int labelAt, string[] labels, IReadOnlyList<string> classes, Dataset? like)
    {
        var index = classes.Select((name, k) => (name, k)).ToDictionary(c => c.name, c => c.k, StringComparer.Ordinal);
        var classOf = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!index.TryGetValue(labels[i], out classOf[i]))
            {
                throw new InvalidDataException($"{table.Path}, line {table.Rows[i].Line}, {table.Column(labelAt)}: '{labels[i]}' is not one of the classes of {like?.Name} ({string.Join(", ", classes)}).");
            }
        }
        return classOf;
    }

    private static int LabelColumn(string label, Table table)
    {
        var named = table.Names is { } names ? Array.IndexOf(names, label) : -1;
        if (named >= 0)
        {
            return named;
        }
        if (int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < table.Width)
        {
            return number;
        }
        var columns = table.Names is null
            ? $"a column number from 0 to {table.Width - 1} ({table.Path} has no header line to name its columns)"
            : $"one of the columns of {table.Path} ({string.Join(", ", table.Names)}) or a column number from 0 to {table.Width - 1}";
        throw new ArgumentException($"label must be {columns}, but was '{label}'.", nameof(label));
    }

    /// <summary>The file's lines split into fields: its header's names (null without one) and its data rows.</summary>
    private sealed record Table(string Path, string[]? Names, int Width, int FirstLine, List<(int Line, string[] Fields)> Rows)
    {
        public static Table Read(string path, bool? header)
        {
            var lines = CsvLines.Read(path).ToList();
            if (lines.Count == 0)
            {
                throw new InvalidDataException($"{path}: the file is empty.");
            }
            var hasHeader = header ?? LooksLikeHeader(lines);
            var rows = lines.Skip(hasHeader ? 1 : 0).ToList();
            if (rows.Count == 0)
            {
                throw new InvalidDataException($"{path}: the file holds a header line but no data lines.");
            }
            return new Table(path, hasHeader ? lines[0].Fields : null, lines[0].Fields.Length, lines[0].Line, rows);
        }

        /// <summary>How messages name column k: its number from 0, and its name when the file has a header.</summary>
        public string Column(int k) => Names is null ? $"column {k}" : $"column {k} ('{Names[k]}')";

        // The first line names the columns when one of its fields is not a number where the next line's is (a text
        // label column is text on every line, so it cannot tell). A file of one line is a header when none of it is a number.
        private static bool LooksLikeHeader(List<(int Line, string[] Fields)> lines)
        {
            var first = lines[0].Fields;
            if (lines.Count == 1)
            {
                return !first.Any(IsNumber);
            }
            var second = lines[1].Fields;
            return Enumerable.Range(0, Math.Min(first.Length, second.Length)).Any(k => !IsNumber(first[k]) && IsNumber(second[k]));
        }
    }

    private static IReadOnlyList<string> Classes(string[] labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        return distinct.All(IsNumber)
            ? [.. distinct.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }

    private static bool IsNumber(string field) => IsNumber(field, out _);

    private static bool IsNumber(string field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

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
