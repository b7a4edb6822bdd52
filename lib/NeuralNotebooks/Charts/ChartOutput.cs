using Plotly.NET;

namespace NeuralNotebooks.Charts;

/// <summary>How charts reference plotly.js: from the internet (small), or embedded in the chart (works offline).</summary>
public static class ChartOutput
{
    /// <summary>The environment variable that turns on <see cref="Offline"/> when it is "1" or "true".</summary>
    public const string OfflineVariable = "NEURALNOTEBOOKS_OFFLINE_CHARTS";

    /// <summary>
    /// When true, every chart carries the whole of plotly.js (about 3.5 MB) inside it, so it draws with no
    /// network at all; when false, charts load plotly.js from the internet. Starts from <see cref="OfflineVariable"/>.
    /// </summary>
    public static bool Offline { get; set; } = Environment.GetEnvironmentVariable(OfflineVariable) is "1" or "true";

    /// <summary>The chart with plotly.js embedded in it, so it draws offline.</summary>
    public static GenericChart Embedded(GenericChart chart) =>
        GenericChart.setDisplayOptions(DisplayOptions.setPlotlyReference(PlotlyJSReference.Full).Invoke(GenericChart.getDisplayOptions(chart)), chart);

    /// <summary>The chart as <see cref="Offline"/> says: embedded when offline, unchanged otherwise.</summary>
    public static GenericChart Prepare(GenericChart chart) => Offline ? Embedded(chart) : chart;

    /// <summary>The chart's HTML (a div and its script), as a notebook shows it.</summary>
    public static string Html(GenericChart chart) => GenericChart.toChartHTML(Prepare(chart));
}
