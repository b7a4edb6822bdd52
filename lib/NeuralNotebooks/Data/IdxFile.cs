using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace NeuralNotebooks.Data;

/// <summary>
/// One IDX file of unsigned bytes (the MNIST family's format), gzipped or not: its dimensions and its values.
/// </summary>
/// <remarks>
/// The format: two zero bytes, the type byte 0x08 (unsigned byte), the number of dimensions d, then d sizes as
/// big-endian 32-bit integers, then the values, last dimension fastest. An image file has d = 3
/// (count, rows, columns), so it starts 0x00000803; a label file has d = 1, so it starts 0x00000801.
/// </remarks>
/// <param name="Path">The file it was read from, for messages.</param>
/// <param name="Dimensions">The sizes from the header, first (slowest) first.</param>
/// <param name="Bytes">The file's contents after decompression; the values start at <see cref="HeaderLength"/>.</param>
internal sealed record IdxFile(string Path, int[] Dimensions, byte[] Bytes)
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Where the values start: 4 bytes of magic number and 4 per dimension.</summary>
    public int HeaderLength => 4 + 4 * Dimensions.Length;

    /// <summary>The values, last dimension fastest.</summary>
    public ReadOnlySpan<byte> Values => Bytes.AsSpan(HeaderLength);

    /// <summary>Reads an IDX file of unsigned bytes with this many dimensions (decompressing it when it ends in .gz).</summary>
    /// <param name="path">The file.</param>
    /// <param name="dimensions">3 for images, 1 for labels.</param>
    /// <param name="what">What it should hold ("images", "labels"), for messages.</param>
    /// <exception cref="InvalidDataException">The file is not valid gzip, has the wrong magic number, or holds fewer or more values than its header announces; the message names the file.</exception>
    public static IdxFile Read(string path, int dimensions, string what)
    {
        using var file = File.OpenRead(path);
        var gzipped = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var contents = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        var header = new byte[4 + 4 * dimensions];
        if (Fill(contents, header, path) is var got && got < header.Length)
        {
            throw new InvalidDataException($"{path}: the file holds {got} bytes, too few for the {header.Length}-byte header of an IDX file of {what} (it is truncated or not an IDX file).");
        }
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        var expectedMagic = UnsignedByte << 8 | dimensions;
        if (magic != expectedMagic)
        {
            throw new InvalidDataException($"{path}: not an IDX file of {what}: it starts with the magic number 0x{magic:X8}, where an IDX file of {what} starts with 0x{expectedMagic:X8}.");
        }
        int[] sizes = [.. Enumerable.Range(0, dimensions).Select(d => BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 + 4 * d)))];
        var shape = string.Join("×", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)));
        if (sizes.Any(s => s < 1))
        {
            throw new InvalidDataException($"{path}: the header announces {shape} {what}, but every size must be at least 1.");
        }
        // Saturating, so that a corrupt header's sizes cannot multiply past long into a small number.
        var announced = sizes.Aggregate(1L, (product, size) => product > long.MaxValue / size ? long.MaxValue : product * size);
        string Mismatch(long held) =>
            $"{path}: the header announces {shape} {what} ({announced:N0} bytes), but the file holds {held:N0} bytes of them ({(held < announced ? "it is truncated" : $"{held - announced:N0} bytes too many")}).";
        // Check the claim against what the file can hold before allocating for it: its length, or, gzipped, deflate's
        // largest ratio (1032 : 1) times its length. A corrupt header can claim anything.
        var room = gzipped ? 1032 * file.Length : file.Length - header.Length;
        if (!gzipped && room != announced)
        {
            throw new InvalidDataException(Mismatch(room));
        }
        if (announced > room || announced > Array.MaxLength - header.Length)
        {
            throw new InvalidDataException($"{path}: the header announces {shape} {what} ({announced:N0} bytes), more than the file can hold (it is corrupt).");
        }
        var bytes = new byte[header.Length + announced];
        header.CopyTo(bytes, 0);
        var values = Fill(contents, bytes.AsSpan(header.Length), path);
        var extra = 0L;
        var scratch = new byte[1 << 16];
        for (int read; values == announced && (read = Fill(contents, scratch, path)) > 0;)
        {
            extra += read;
        }
        if (values < announced || extra > 0)
        {
            throw new InvalidDataException(Mismatch(values + extra));
        }
        return new IdxFile(path, sizes, bytes);
    }

    // Reads until the buffer is full or the file ends; a gzip stream's own error becomes one that names the file.
    private static int Fill(Stream contents, Span<byte> buffer, string path)
    {
        try
        {
            return contents.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid gzip file ({e.Message.TrimEnd('.')}).", e);
        }
    }
}
