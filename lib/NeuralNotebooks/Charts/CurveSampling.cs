namespace NeuralNotebooks.Charts;

/// <summary>
/// Keeps a few hundred of a long curve's points, so a chart holding dozens of curves stays small, without
/// hiding what the curve did: the epochs are grouped in buckets spaced evenly on a log scale (short buckets
/// early, where the loss changes fastest), and each bucket keeps its first, lowest and highest point.
/// </summary>
internal static class CurveSampling
{
    /// <summary>
    /// The indices to keep of a curve of <paramref name="values"/>, in order: the first and last always, and per
    /// bucket its first, lowest and highest value (so at most 3 · <paramref name="buckets"/> + 1 points).
    /// </summary>
    /// <remarks>Bucket k spans the indices from ⌊n^(k/B)⌋ to ⌊n^((k+1)/B)⌋ − 1, for n values and B buckets.</remarks>
    public static int[] LogSpacedExtremes(IReadOnlyList<double> values, int buckets)
    {
        Guard.NotNull(values, nameof(values));
        Guard.AtLeast(buckets, 1, nameof(buckets));
        var n = values.Count;
        var kept = new SortedSet<int>();
        var edges = Enumerable.Range(0, buckets + 1).Select(k => k == 0 ? 0 : (int)Math.Floor(Math.Pow(n, (double)k / buckets))).Distinct().ToList();
        for (var k = 0; k + 1 < edges.Count; k++)
        {
            var (from, to) = (edges[k], Math.Min(edges[k + 1], n));
            if (from >= to)
            {
                continue;
            }
            var (lowest, highest) = (from, from);
            for (var i = from; i < to; i++)
            {
                lowest = values[i] < values[lowest] ? i : lowest;
                highest = values[i] > values[highest] ? i : highest;
            }
            kept.UnionWith([from, lowest, highest]);
        }
        if (n > 0)
        {
            kept.Add(n - 1);
        }
        return kept.ToArray();
    }
}
