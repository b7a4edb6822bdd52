using System.Text.RegularExpressions;
using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Runner;

/// <summary>Recognises Plotly.NET's chart HTML and pulls the plotted data out of it.</summary>
public static partial class PlotlyHtml
{
    /// <summary>True when the HTML is a Plotly.NET chart (a div and the script that draws into it).</summary>
    public static bool IsChart(string html) => html.Contains("Plotly.newPlot", StringComparison.Ordinal);

    /// <summary>True when the chart carries plotly.js itself, so it draws with no network.</summary>
    public static bool EmbedsPlotlyJs(string html) => html.Contains(ChartOutput.EmbeddedScriptMarker, StringComparison.Ordinal);

    /// <summary>The JSON array of traces the chart plots (<c>var data = [...]</c>).</summary>
    public static string TraceData(string html)
    {
        var match = DataPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new FormatException("No 'var data = [...]' in the chart's HTML.");
    }

    [GeneratedRegex(@"var data = (\[.*?\]);\s*\n", RegexOptions.Singleline)]
    private static partial Regex DataPattern();
}
