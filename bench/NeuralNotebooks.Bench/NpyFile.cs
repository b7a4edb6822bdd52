using System.Runtime.InteropServices;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Bench;

/// <summary>
/// Writes numpy's .npy format (version 1.0: a small header naming dtype and shape, then the raw little-endian values),
/// so the Python side loads exactly the doubles the library holds.
/// </summary>
internal static class NpyFile
{
    /// <summary>The matrix as float64, row by row, shape (rows, columns).</summary>
    public static void Write(string path, Matrix<double> matrix) =>
        Write(path, "<f8", $"({matrix.RowCount}, {matrix.ColumnCount})", MemoryMarshal.AsBytes(matrix.ToRowMajorArray().AsSpan()));

    /// <summary>The numbers as int64, shape (count,).</summary>
    public static void Write(string path, IReadOnlyList<int> values) =>
        Write(path, "<i8", $"({values.Count},)", MemoryMarshal.AsBytes(values.Select(v => (long)v).ToArray().AsSpan()));

    private static void Write(string path, string dtype, string shape, ReadOnlySpan<byte> data)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("NpyFile writes little-endian values and needs a little-endian machine.");
        }
        const int PreludeLength = 10; // magic (6 bytes), version (2), header length (2)
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        // The header ends in a newline and is padded with spaces so the data starts on a 64-byte boundary.
        var padded = header.PadRight((PreludeLength + header.Length + 1 + 63) / 64 * 64 - PreludeLength - 1) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, .. "NUMPY"u8, 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)padded.Length));
        file.Write(Encoding.ASCII.GetBytes(padded));
        file.Write(data);
    }
}
