using Plotly.NET;

namespace NeuralNotebooks.Charts;

/// <summary>
/// Chart HTML that draws with no network: plotly.js (shipped inside the Plotly.NET package) is embedded
/// in front of the chart. Online, the notebook kernel's Plotly.NET.Interactive formatter loads plotly.js
/// from the internet instead.
/// </summary>
public static class ChartOutput
{
    /// <summary>The environment variable that turns on <see cref="Offline"/> when it is "1" or "true".</summary>
    public const string OfflineVariable = "NEURALNOTEBOOKS_OFFLINE_CHARTS";

    /// <summary>Marks the embedded plotly.js, so a page holding many charts can keep just one copy.</summary>
    public const string EmbeddedScriptMarker = "/* NeuralNotebooks: plotly.js embedded for offline charts */";

    private const string PlotlyResource = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string> EmbeddedScript = new(ReadEmbeddedScript);

    /// <summary>
    /// Whether notebooks draw charts offline (each chart then carries plotly.js, about 3.6 MB). Starts from
    /// <see cref="OfflineVariable"/>; the notebooks' setup reads it.
    /// </summary>
    public static bool Offline { get; set; } = Environment.GetEnvironmentVariable(OfflineVariable) is "1" or "true";

    /// <summary>The chart as a self-contained HTML fragment: plotly.js, then the chart's div and drawing script.</summary>
    public static string OfflineHtml(GenericChart chart)
    {
        Guard.NotNull(chart, nameof(chart));
        return $"<div>{EmbeddedScript.Value}{GenericChart.toChartHTML(chart)}</div>";
    }

    private static string ReadEmbeddedScript()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(PlotlyResource)
            ?? throw new InvalidOperationException($"Plotly.NET no longer ships {PlotlyResource}; offline charts need it.");
        using var reader = new StreamReader(stream);
        // Hide AMD and CommonJS loaders (Jupyter pages may have require.js) so plotly.js always sets window.Plotly,
        // and load it only once per page.
        return $"<script type=\"text/javascript\">{EmbeddedScriptMarker}\nif (typeof window.Plotly === 'undefined') {{ (function (define, module, exports) {{\n{reader.ReadToEnd()}\n}}).call(window); }}\n</script>";
    }
}
