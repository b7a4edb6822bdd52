namespace NeuralNotebooks;

/// <summary>Sums numbers in the order numpy's <c>np.sum</c> / <c>np.mean</c> does, so the result has the same bits.</summary>
/// <remarks>
/// numpy adds fewer than 8 numbers one after another; up to 128 with eight running partial sums;
/// beyond that it splits the range in two (at a multiple of 8) and adds the halves' sums.
/// Pairwise summation also keeps the rounding error small for long arrays.
/// </remarks>
internal static class NumpySum
{
    private const int BlockSize = 128;

    public static double Pairwise(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            var sum = 0.0;
            foreach (var value in values)
            {
                sum += value;
            }
            return n == 0 ? 0.0 : sum;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < n - n % 8; i += 8)
            {
                for (var lane = 0; lane < 8; lane++)
                {
                    r[lane] += values[i + lane];
                }
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                total += values[i];
            }
            return total;
        }
        var half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
