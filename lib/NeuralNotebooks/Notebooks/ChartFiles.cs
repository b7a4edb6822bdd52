using System.Net;
using NeuralNotebooks.Charts;
using Plotly.NET;

namespace NeuralNotebooks.Notebooks;

/// <summary>
/// Charts saved as numbered, self-contained HTML pages in one folder (<c>NAME-chart-1.html</c>, <c>NAME-chart-2.html</c>,
/// …), each carrying plotly.js so it draws in a browser with no network: how a lesson run as an app shows its charts.
/// </summary>
/// <param name="folder">Where the pages go.</param>
/// <param name="name">What each page's file name starts with (the app's name).</param>
public sealed class ChartFiles(string folder, string name)
{
    private int _count;

    /// <summary>How many charts have been saved.</summary>
    public int Count => _count;

    /// <summary>Saves the chart as the next page and returns the page's full path.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public string Save(GenericChart chart)
    {
        Guard.NotNull(chart, nameof(chart));
        var number = Interlocked.Increment(ref _count);
        var path = Path.Combine(Path.GetFullPath(folder), $"{name}-chart-{number}.html");
        File.WriteAllText(path, Page(chart, $"{name}, chart {number}"));
        return path;
    }

    /// <summary>The chart as a whole HTML page, with plotly.js embedded (<see cref="ChartOutput.OfflineHtml"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> or <paramref name="title"/> is null.</exception>
    public static string Page(GenericChart chart, string title)
    {
        Guard.NotNull(title, nameof(title));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            </head>
            <body>
            {ChartOutput.OfflineHtml(chart)}
            </body>
            </html>

            """;
    }
}
