namespace NeuralNotebooks.Fast;

/// <summary>
/// How the fast engine lays out a weight matrix W (inputs × neurons) and everything kept entry for entry beside it (the
/// spare weights, the gradient, the optimiser's state): in panels of 16 neurons (the last may be narrower), each panel
/// row after row. Panel j holds columns [16 j, 16 j + 16) and starts at entry 16 j · inputs.
/// </summary>
/// <remarks>
/// The forward product reads W a panel at a time, 16 columns down every row. Row after row across all the neurons,
/// those 16 columns sit a whole row (1 KB for 128 neurons) apart, which the cache holds in only a few of its sets and
/// the prefetcher follows poorly; in a panel they are one unbroken run. In a one-thread micro-benchmark on the 2-core
/// AMD EPYC that first swept 6 MB of other data, as a step does, the 32 × 784 × 128 product went from 59–76 to
/// 88–93 GFLOP/s.
/// </remarks>
internal static class Panels
{
    public const int Width = 16;

    /// <summary>The panel starting at column <paramref name="column"/>: where it starts in the array, and how many columns it has.</summary>
    public static (int Offset, int Columns) At(int column, int inputs, int neurons) => (column * inputs, Math.Min(Width, neurons - column));

    /// <summary>
    /// W in panels from Wᵀ row after row (which is how MathNet stores W: column after column).
    /// </summary>
    public static void FromTransposed(ReadOnlySpan<double> transposed, Span<double> panels, int inputs, int neurons)
    {
        for (var column = 0; column < neurons; column += Width)
        {
            var (offset, columns) = At(column, inputs, neurons);
            MatrixProduct.Transpose(transposed[offset..], panels[offset..], columns, inputs, 0, columns);
        }
    }

    /// <summary>Wᵀ row after row (MathNet's column after column), from rows [rowStart, rowEnd) of W in panels.</summary>
    public static void ToTransposed(ReadOnlySpan<double> panels, Span<double> transposed, int inputs, int neurons, int rowStart, int rowEnd)
    {
        for (var column = 0; column < neurons; column += Width)
        {
            var (offset, columns) = At(column, inputs, neurons);
            MatrixProduct.Transpose(panels[offset..], transposed[offset..], inputs, columns, rowStart, rowEnd);
        }
    }
}
