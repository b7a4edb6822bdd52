using System.IO.Compression;
using System.Security.Cryptography;

namespace NeuralNotebooks.Data;

/// <summary>
/// A file of a data set as it should be: its name, and the length and SHA-256 of its contents. For a gzipped file
/// (a name ending in .gz) both are of the decompressed contents, because the same data is gzipped differently by
/// different distributions (Debian recompressed Fashion-MNIST's files, for one).
/// </summary>
public sealed record DataFile
{
    /// <summary>Describes a file by its name and the length and SHA-256 of its (decompressed) contents.</summary>
    /// <param name="name">The file's name, as served and as saved (e.g. train-labels-idx1-ubyte.gz).</param>
    /// <param name="length">How many bytes the (decompressed) contents have.</param>
    /// <param name="sha256">The SHA-256 of the (decompressed) contents, as 64 hexadecimal digits.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="sha256"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a plain file name, or <paramref name="sha256"/> is not 64 hexadecimal digits.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public DataFile(string name, long length, string sha256)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(sha256, nameof(sha256));
        if (name.Length == 0 || name is "." or ".." || name != System.IO.Path.GetFileName(name))
        {
            throw new ArgumentException($"name must be a file name without a folder, but was '{name}'.", nameof(name));
        }
        Guard.InRange(length, 0, long.MaxValue, nameof(length));
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"sha256 must be 64 hexadecimal digits, but was '{sha256}'.", nameof(sha256));
        }
        Name = name;
        Length = length;
        Sha256 = sha256.ToLowerInvariant();
    }

    /// <summary>The file's name, as served and as saved.</summary>
    public string Name { get; }

    /// <summary>How many bytes the (decompressed) contents have.</summary>
    public long Length { get; }

    /// <summary>The SHA-256 of the (decompressed) contents, as 64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; }

    /// <summary>Checks that the file at <paramref name="path"/> holds exactly these contents.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidDataException">The contents differ in length or checksum, or a .gz file is not valid gzip; the message says which.</exception>
    public void Verify(string path)
    {
        Guard.NotNull(path, nameof(path));
        if (Problem(path) is { } problem)
        {
            throw new InvalidDataException($"{path}: not the expected {Name}: {problem}.");
        }
    }

    /// <summary>What is wrong with the file at <paramref name="path"/>, or null when it holds exactly these contents.</summary>
    internal string? Problem(string path)
    {
        using var file = File.OpenRead(path);
        using var contents = Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var length = 0L;
        try
        {
            for (int read; (read = contents.Read(buffer)) > 0; length += read)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            return $"not a valid gzip file ({e.Message.TrimEnd('.')})";
        }
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        return length == Length && sha256 == Sha256
            ? null
            : $"its contents are {length:N0} bytes with SHA-256 {sha256}, where {Length:N0} bytes with SHA-256 {Sha256} were expected";
    }
}
