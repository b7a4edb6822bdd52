using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Data;

/// <summary>Turns a folder's four Fashion-MNIST IDX files into the training and test <see cref="Dataset"/>s.</summary>
internal static class FashionMnistReader
{
    public const int Side = 28;
    public const int Pixels = Side * Side;
    public const int Classes = 10;

    // Images are read a block of rows at a time so that writing them into column-major storage stays in the cache.
    private const int RowsPerBlock = 64;

    // Every byte's intensity, b / 255 exactly rounded, looked up rather than divided 47 million times.
    private static readonly double[] Intensity = [.. Enumerable.Range(0, 256).Select(b => b / 255.0)];

    /// <summary>The name a file has in a folder when it is not gzipped (the <see cref="DataFile"/> names end in .gz).</summary>
    public static string PlainName(DataFile file) => file.Name.EndsWith(".gz", StringComparison.Ordinal) ? file.Name[..^3] : file.Name;

    /// <summary>The file's path in the folder, plain or gzipped (plain first: it reads faster), or null when neither is there.</summary>
    public static string? Find(string folder, DataFile file)
    {
        var plain = Path.Combine(folder, PlainName(file));
        var gzipped = plain + ".gz";
        return File.Exists(plain) ? plain : File.Exists(gzipped) ? gzipped : null;
    }

    /// <summary>Reads the pair of image and label files into a data set named "fashion-mnist (<paramref name="part"/>)".</summary>
    /// <exception cref="InvalidDataException">A file is not a valid IDX file, its images are not 28×28, the counts differ, or a label is above 9.</exception>
    public static Dataset Read(string imagesPath, string labelsPath, string part, IReadOnlyList<string> classNames)
    {
        var images = IdxFile.Read(imagesPath, 3, "images");
        var labels = IdxFile.Read(labelsPath, 1, "labels");
        var (count, rows, columns) = (images.Dimensions[0], images.Dimensions[1], images.Dimensions[2]);
        if (rows != Side || columns != Side)
        {
            throw new InvalidDataException($"{imagesPath}: holds images of {rows}×{columns} pixels, but Fashion-MNIST's are {Side}×{Side}.");
        }
        if (labels.Dimensions[0] != count)
        {
            throw new InvalidDataException($"{labelsPath}: holds {labels.Dimensions[0]:N0} labels, but {imagesPath} holds {count:N0} images; there must be one label per image.");
        }
        var M = Matrix<double>.Build;
        return new Dataset($"fashion-mnist ({part})",
            M.Dense(count, Pixels, Intensities(images.Values, count)),
            M.Dense(count, Classes, OneHot(labels.Values, labelsPath)),
            classNames);
    }

    private static double[] Intensities(ReadOnlySpan<byte> values, int count)
    {
        // Every entry is written below, so the 376 MB of the training set need not be zeroed first.
        var result = GC.AllocateUninitializedArray<double>(count * Pixels);
        for (var start = 0; start < count; start += RowsPerBlock)
        {
            var end = Math.Min(start + RowsPerBlock, count);
            for (var j = 0; j < Pixels; j++)
            {
                var column = result.AsSpan(j * count, count);
                for (var i = start; i < end; i++)
                {
                    column[i] = Intensity[values[i * Pixels + j]];
                }
            }
        }
        return result;
    }

    private static double[] OneHot(ReadOnlySpan<byte> labels, string path)
    {
        var count = labels.Length;
        var result = new double[count * Classes];
        for (var i = 0; i < count; i++)
        {
            if (labels[i] >= Classes)
            {
                throw new InvalidDataException($"{path}: the label at position {i:N0} (counting from 0) is {labels[i]}, but Fashion-MNIST's labels are 0 to {Classes - 1}.");
            }
            result[labels[i] * count + i] = 1;
        }
        return result;
    }
}
