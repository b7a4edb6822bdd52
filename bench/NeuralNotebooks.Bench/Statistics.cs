namespace NeuralNotebooks.Bench;

/// <summary>The benchmark's one statistic.</summary>
internal static class Statistics
{
    /// <summary>The middle value (of an even count, the upper of the two middle ones).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
