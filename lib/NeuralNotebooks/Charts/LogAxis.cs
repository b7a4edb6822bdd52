using System.Globalization;

namespace NeuralNotebooks.Charts;

/// <summary>
/// Tick marks a reader can read on a logarithmic axis: powers of ten written out ("0.001", "100", or "10⁻⁵"
/// when very small or large), with 2 and 5 times them, also written in full, when the axis spans too few
/// decades. plotly.js's own log ticks write 10⁻⁴ as "100μ" and label the minor ticks "2", "5", which
/// read like values.
/// </summary>
internal static class LogAxis
{
    private const double SmallestPlain = 1e-4;
    private const double LargestPlain = 1e5;
    private const int MostTicks = 10;

    /// <summary>The tick values and their labels for an axis from <paramref name="min"/> to <paramref name="max"/> (both above 0).</summary>
    /// <remarks>
    /// Powers of ten if at least three fall in the range (every k-th one when more than ten do); else 1, 2 and 5 times
    /// them; else 1 to 9 times them.
    /// </remarks>
    public static (double[] Values, string[] Labels) Ticks(double min, double max)
    {
        var values = Candidates(min, max, [1]).ToArray();
        if (values.Length > MostTicks)
        {
            // Every second, third, … decade, so the labels do not run into each other.
            var step = (values.Length + MostTicks - 1) / MostTicks;
            values = values.Where((_, i) => i % step == 0).ToArray();
        }
        else if (values.Length < 3)
        {
            values = Candidates(min, max, [1, 2, 5]).ToArray();
            if (values.Length < 3)
            {
                values = Candidates(min, max, [1, 2, 3, 4, 5, 6, 7, 8, 9]).ToArray();
            }
        }
        return (values, values.Select(Label).ToArray());
    }

    /// <summary>A tick label: a plain decimal from 0.0001 to 100000, else a power of ten (times a digit).</summary>
    public static string Label(double value)
    {
        if (value >= SmallestPlain && value <= LargestPlain)
        {
            return value.ToString("0.##########", CultureInfo.InvariantCulture);
        }
        var exponent = (int)Math.Floor(Math.Log10(value) + 1e-9);
        var mantissa = (int)Math.Round(value / Math.Pow(10, exponent));
        var power = $"10{Superscript(exponent)}";
        return mantissa == 1 ? power : $"{mantissa}×{power}";
    }

    /// <summary>
    /// The plotly.js settings for a log axis over the data's range: its ticks (when at least two fall in the range;
    /// otherwise plotly.js's own, which then label every tick in full) and a range padded by a twentieth of a decade.
    /// </summary>
    public static Dictionary<string, object> Style(double min, double max)
    {
        var (lo, hi) = (Math.Log10(min), Math.Log10(max));
        var pad = Math.Max(0.05, 0.02 * (hi - lo));
        var style = new Dictionary<string, object>
        {
            ["type"] = "log",
            ["range"] = new[] { lo - pad, hi + pad },
            ["exponentformat"] = "power",
            ["minor"] = new Dictionary<string, object> { ["showgrid"] = false },
        };
        var (values, labels) = Ticks(min, max);
        if (values.Length >= 2)
        {
            (style["tickmode"], style["tickvals"], style["ticktext"]) = ("array", values, labels);
        }
        return style;
    }

    /// <summary>The smallest and largest positive finite values, for an axis that must show them all.</summary>
    /// <exception cref="ArgumentException">No value is positive and finite.</exception>
    public static (double Min, double Max) Extent(IEnumerable<double> values, string name)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        return positive.Count > 0
            ? (positive.Min(), positive.Max())
            : throw new ArgumentException($"{name} must hold a value above 0 to draw on a log axis, but had none.", name);
    }

    private static IEnumerable<double> Candidates(double min, double max, double[] mantissas)
    {
        for (var exponent = (int)Math.Floor(Math.Log10(min)); exponent <= (int)Math.Ceiling(Math.Log10(max)); exponent++)
        {
            foreach (var mantissa in mantissas)
            {
                // Parsed from text, so 3e-5 is the double nearest 0.00003 rather than 3 × 10⁻⁵ with its rounding.
                var value = double.Parse($"{mantissa}e{exponent}", CultureInfo.InvariantCulture);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9))
                {
                    yield return value;
                }
            }
        }
    }

    private static string Superscript(int exponent) =>
        string.Concat(exponent.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']));
}
