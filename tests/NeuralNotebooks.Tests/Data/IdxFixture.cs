using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

/// <summary>
/// Small synthetic Fashion-MNIST files written byte by byte here (not by the code under test): image i's pixel p is
/// (7i + 3p) mod 256 and its label is i mod 10, so every expected value has a formula.
/// </summary>
public static class IdxFixture
{
    public const int TrainCount = 30;
    public const int TestCount = 12;

    public static int Pixel(int image, int pixel) => (7 * image + 3 * pixel) % 256;

    public static int Label(int image) => image % 10;

    public static byte[] Images(int count, int rows = 28, int columns = 28, int magic = 0x00000803)
    {
        var bytes = new byte[16 + count * rows * columns];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        for (var i = 0; i < count; i++)
        {
            for (var p = 0; p < rows * columns; p++)
            {
                bytes[16 + i * rows * columns + p] = (byte)Pixel(i, p);
            }
        }
        return bytes;
    }

    public static byte[] Labels(int count)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            bytes[8 + i] = (byte)Label(i);
        }
        return bytes;
    }

    /// <summary>The four files' contents, in <see cref="FashionMnist.Files"/>'s order, keyed by their plain names.</summary>
    public static Dictionary<string, byte[]> Contents(int trainCount = TrainCount, int testCount = TestCount) => new()
    {
        ["train-images-idx3-ubyte"] = Images(trainCount),
        ["train-labels-idx1-ubyte"] = Labels(trainCount),
        ["t10k-images-idx3-ubyte"] = Images(testCount),
        ["t10k-labels-idx1-ubyte"] = Labels(testCount),
    };

    /// <summary>The files' descriptions for the downloader, with checksums computed here from the bytes.</summary>
    public static IReadOnlyList<DataFile> Files(Dictionary<string, byte[]> contents) =>
        [.. contents.Select(c => new DataFile(c.Key + ".gz", c.Value.Length, Convert.ToHexStringLower(SHA256.HashData(c.Value))))];

    public static byte[] Gzip(byte[] contents)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(contents);
        }
        return compressed.ToArray();
    }

    /// <summary>Writes the files into a new temporary folder, gzipped or not, and returns the folder.</summary>
    public static string Folder(Dictionary<string, byte[]> contents, bool gzipped)
    {
        var folder = NewFolder();
        foreach (var (name, bytes) in contents)
        {
            File.WriteAllBytes(Path.Combine(folder, gzipped ? name + ".gz" : name), gzipped ? Gzip(bytes) : bytes);
        }
        return folder;
    }

    /// <summary>A new empty temporary folder, in a folder of this test run's own.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(RunFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    // Test runs may be killed rather than end, so each run's folder is named by its process and a later run deletes
    // the folders of runs whose process is gone.
    private static readonly string RunFolder = MakeRunFolder();

    private static string MakeRunFolder()
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), "neuralnotebooks-tests-*"))
        {
            if (int.TryParse(Path.GetFileName(old)["neuralnotebooks-tests-".Length..], out var id) && !IsRunning(id))
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                }
                catch (IOException)
                {
                    // Another run is deleting it too.
                }
            }
        }
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"neuralnotebooks-tests-{Environment.ProcessId}")).FullName;
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
