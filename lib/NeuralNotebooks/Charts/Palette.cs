using System.Globalization;

namespace NeuralNotebooks.Charts;

/// <summary>
/// The charts' colours: a qualitative palette for unordered things (activations, optimisers), a sequential
/// scale for ordered ones (learning rates), and TensorFlow Playground's orange and blue for signs.
/// </summary>
internal static class Palette
{
    /// <summary>Positive weights and activations, as the playground draws them.</summary>
    public const string Positive = "#f59322";

    /// <summary>Negative weights and activations, as the playground draws them.</summary>
    public const string Negative = "#0877bd";

    /// <summary>Zero, between <see cref="Negative"/> and <see cref="Positive"/>.</summary>
    public const string Zero = "#f2f2f2";

    /// <summary>Ten colours that are easy to tell apart (Tableau 10), for runs with no order.</summary>
    public static IReadOnlyList<string> Qualitative { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Viridis at ten evenly spaced points: dark purple to yellow, ordered in lightness, readable in grey.</summary>
    private static readonly string[] Viridis =
        ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

    /// <summary>Where the sequential colours stop along viridis: its last, palest tenth is hard to see on a light background.</summary>
    private const double SequentialEnd = 0.9;

    /// <summary>The colour scale from <see cref="Negative"/> through <see cref="Zero"/> to <see cref="Positive"/>, for plotly.js.</summary>
    public static object[][] Signed { get; } = [[0.0, Negative], [0.5, Zero], [1.0, Positive]];

    /// <summary><paramref name="count"/> distinct colours for unordered runs: the qualitative palette, or the sequential scale beyond ten.</summary>
    public static string[] Distinct(int count) => count <= Qualitative.Count ? Qualitative.Take(count).ToArray() : Sequential(count);

    /// <summary><paramref name="count"/> colours in order along viridis, for ordered runs such as increasing learning rates.</summary>
    public static string[] Sequential(int count) =>
        Enumerable.Range(0, count).Select(i => SequentialColor(count == 1 ? 0 : (double)i / (count - 1))).ToArray();

    /// <summary>The sequential scale as plotly.js takes it (pairs of position and colour), for colour bars.</summary>
    public static object[][] SequentialScale() =>
        Enumerable.Range(0, 11).Select(i => new object[] { i / 10.0, SequentialColor(i / 10.0) }).ToArray();

    /// <summary>The colour at <paramref name="t"/> (0 … 1) of the sequential scale, interpolated between viridis's points.</summary>
    private static string SequentialColor(double t)
    {
        var position = t * SequentialEnd * (Viridis.Length - 1);
        var below = Math.Min((int)Math.Floor(position), Viridis.Length - 2);
        var (from, to, f) = (Rgb(Viridis[below]), Rgb(Viridis[below + 1]), position - below);
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * f);
        return $"#{Mix(from.R, to.R):x2}{Mix(from.G, to.G):x2}{Mix(from.B, to.B):x2}";
    }

    private static (int R, int G, int B) Rgb(string hex) =>
        (Channel(hex, 1), Channel(hex, 3), Channel(hex, 5));

    private static int Channel(string hex, int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
