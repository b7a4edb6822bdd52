using System.Text.Json;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Notebooks;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

public class ChartFilesTests
{
    [Fact]
    public void Each_chart_is_saved_as_the_next_numbered_page_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("chart-files-");
        try
        {
            var pages = new ChartFiles(folder.FullName, "04-results");

            var first = pages.Save(global::NeuralNotebooks.Charts.Charts.Activation(Activation.Sigmoid));
            var second = pages.Save(global::NeuralNotebooks.Charts.Charts.Activation(Activation.Tanh));

            Assert.Equal(Path.Combine(folder.FullName, "04-results-chart-1.html"), first);
            Assert.Equal(Path.Combine(folder.FullName, "04-results-chart-2.html"), second);
            Assert.Equal(2, pages.Count);
            Assert.Equal(["04-results-chart-1.html", "04-results-chart-2.html"], folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_page_is_a_whole_html_document_that_carries_plotly_js_and_the_charts_data()
    {
        var html = ChartFiles.Page(global::NeuralNotebooks.Charts.Charts.Activation(Activation.Tanh), "a <title>");

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>a &lt;title&gt;</title>", html, StringComparison.Ordinal);
        Assert.True(PlotlyHtml.EmbedsPlotlyJs(html));
        var traces = JsonDocument.Parse(PlotlyHtml.TraceData(html)).RootElement;
        Assert.Equal("tanh", traces[0].GetProperty("name").GetString());
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_chart_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ChartFiles(Path.GetTempPath(), "x").Save(null!));
    }
}
