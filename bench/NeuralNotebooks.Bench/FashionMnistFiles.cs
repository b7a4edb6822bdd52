using System.Buffers.Binary;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Bench;

/// <summary>
/// Reads Fashion-MNIST's IDX files (Debian's dataset-fashion-mnist) into datasets: X holds each image's 784 pixels / 255,
/// y is one-hot over the ten classes. A stand-in for the bench only, until the library has a loader of its own.
/// </summary>
internal static class FashionMnistFiles
{
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";
    public const string DebianPackage = "dataset-fashion-mnist";

    private const int ImagesMagic = 0x0803;
    private const int LabelsMagic = 0x0801;
    private const int Classes = 10;

    public static bool Present(string folder) =>
        new[] { "train", "t10k" }.All(part => File.Exists(ImagesPath(folder, part)) && File.Exists(LabelsPath(folder, part)));

    /// <summary>One part: "train" (60,000 images) or "t10k" (the 10,000 test images).</summary>
    /// <exception cref="InvalidDataException">A file is not an IDX file of 28 × 28 images or of labels 0–9, or the two counts differ.</exception>
    public static Dataset Load(string folder, string part)
    {
        var (images, rows, pixels) = ReadImages(ImagesPath(folder, part));
        var labels = ReadLabels(LabelsPath(folder, part));
        if (labels.Length != rows)
        {
            throw new InvalidDataException($"{LabelsPath(folder, part)}: {labels.Length} labels for {rows} images.");
        }
        var X = Matrix<double>.Build.Dense(rows, pixels, (i, j) => images[i * pixels + j] / 255.0);
        var y = Matrix<double>.Build.Dense(rows, Classes, (i, k) => labels[i] == k ? 1 : 0);
        return new Dataset($"fashion-mnist ({part})", X, y);
    }

    private static string ImagesPath(string folder, string part) => Path.Combine(folder, $"{part}-images-idx3-ubyte.gz");

    private static string LabelsPath(string folder, string part) => Path.Combine(folder, $"{part}-labels-idx1-ubyte.gz");

    private static (byte[] Pixels, int Rows, int PixelsPerImage) ReadImages(string path)
    {
        var bytes = Decompress(path);
        var (magic, count) = (BinaryPrimitives.ReadInt32BigEndian(bytes), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        var (height, width) = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12)));
        if (magic != ImagesMagic || height != 28 || width != 28 || bytes.Length != 16 + count * height * width)
        {
            throw new InvalidDataException($"{path}: not an IDX file of 28 × 28 images (magic {magic:x}, {count} × {height} × {width}, {bytes.Length} bytes).");
        }
        return (bytes[16..], count, height * width);
    }

    private static byte[] ReadLabels(string path)
    {
        var bytes = Decompress(path);
        var (magic, count) = (BinaryPrimitives.ReadInt32BigEndian(bytes), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        if (magic != LabelsMagic || bytes.Length != 8 + count || bytes.AsSpan(8).ContainsAnyExceptInRange((byte)0, (byte)(Classes - 1)))
        {
            throw new InvalidDataException($"{path}: not an IDX file of labels 0–9 (magic {magic:x}, {count} labels, {bytes.Length} bytes).");
        }
        return bytes[8..];
    }

    private static byte[] Decompress(string path)
    {
        using var file = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        file.CopyTo(memory);
        return memory.ToArray();
    }
}
