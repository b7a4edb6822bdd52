using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Data;

/// <summary>
/// 1,797 handwritten digits, 8×8 pixels each (the UCI optical digits test set; see data/digits/README.md).
/// </summary>
public static class Digits
{
    /// <summary>Where the repository keeps the file, relative to its root.</summary>
    public const string RelativePath = "data/digits/digits.csv.gz";

    private const int Pixels = 64;
    private const int Classes = 10;
    private const double MaxPixel = 16;

    /// <summary>
    /// Loads the digits: X holds the 64 pixels of each image scaled to [0, 1]; y is one-hot over the ten digits.
    /// Without a path it looks for data/digits/digits.csv.gz in the current folder and the folders above it.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at the path (or none was found).</exception>
    /// <exception cref="InvalidDataException">A line is not 64 pixels from 0 to 16 and a label from 0 to 9; the message gives the line number.</exception>
    public static Dataset Load(string? path = null)
    {
        path ??= Find();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"path must name the digits file, but there is no file at '{path}'.", path);
        }
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file);
        var rows = new List<(double[] Pixels, int Label)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > 0)
            {
                rows.Add(ParseLine(line, lineNumber, path));
            }
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: the file holds no digits.");
        }
        var X = Matrix<double>.Build.Dense(rows.Count, Pixels, (i, j) => rows[i].Pixels[j] / MaxPixel);
        var y = Matrix<double>.Build.Dense(rows.Count, Classes, (i, k) => rows[i].Label == k ? 1 : 0);
        return new Dataset("digits", X, y);
    }

    private static (double[] Pixels, int Label) ParseLine(string line, int lineNumber, string path)
    {
        var fields = line.Split(',');
        if (fields.Length != Pixels + 1)
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: expected {Pixels + 1} comma-separated numbers (64 pixels and a label), but found {fields.Length}.");
        }
        var values = new double[Pixels + 1];
        for (var k = 0; k < fields.Length; k++)
        {
            var maximum = k < Pixels ? MaxPixel : Classes - 1;
            if (!int.TryParse(fields[k], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > maximum)
            {
                var what = k < Pixels ? $"pixel {k + 1}" : "the label";
                throw new InvalidDataException($"{path}, line {lineNumber}: {what} must be a whole number from 0 to {maximum}, but was '{fields[k]}'.");
            }
            values[k] = value;
        }
        return (values[..Pixels], (int)values[Pixels]);
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.GetFullPath(RelativePath);
    }
}
