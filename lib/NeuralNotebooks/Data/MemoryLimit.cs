using System.Globalization;

namespace NeuralNotebooks.Data;

/// <summary>
/// How many rows a data set can have before its matrices cannot be made: each must fit in one .NET array, and all of
/// them in the memory the process has. Checked up front, so a huge size gets a message instead of an overflow.
/// </summary>
internal static class MemoryLimit
{
    /// <summary>Checks <paramref name="rows"/> against the limit for matrices of these widths, naming the parameter and the limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below <paramref name="minimum"/> or above the limit.</exception>
    public static void CheckRows(int rows, int minimum, string name, string what, params int[] widths)
    {
        var bytesPerRow = 8L * widths.Sum();
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var inOneArray = Array.MaxLength / widths.Max();
        var inMemory = available / bytesPerRow;
        var limit = Math.Min(inOneArray, inMemory);
        if (rows >= minimum && rows <= limit)
        {
            return;
        }
        var why = inMemory < inOneArray
            ? string.Create(CultureInfo.InvariantCulture, $"the {what} that fit in this machine's {available / 1e9:0.0} GB at {bytesPerRow} bytes each")
            : $"the {what} whose {widths.Max()} numbers each fit in one .NET array";
        throw new ArgumentOutOfRangeException(name, rows, string.Create(CultureInfo.InvariantCulture,
            $"{name} must be from {minimum} to {limit:N0} ({why}), but was {rows}."));
    }
}
