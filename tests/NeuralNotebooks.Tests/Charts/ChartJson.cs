using System.Text.Json;
using Plotly.NET;

namespace NeuralNotebooks.Tests.Charts;

/// <summary>A chart as plotly.js gets it: its traces and its layout, parsed from Plotly.NET's JSON.</summary>
public sealed class ChartJson
{
    public ChartJson(GenericChart chart)
    {
        var figure = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
        Traces = figure.GetProperty("data").EnumerateArray().ToList();
        Layout = figure.GetProperty("layout");
    }

    public IReadOnlyList<JsonElement> Traces { get; }

    public JsonElement Layout { get; }

    /// <summary>The layout's title text.</summary>
    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    /// <summary>The first slider's steps.</summary>
    public IReadOnlyList<JsonElement> Steps => Layout.GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToList();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(v => v.GetString()!).ToArray();

    /// <summary>A nested property by its plotly.js path, such as "marker.line.color".</summary>
    public static JsonElement At(JsonElement element, string path) =>
        path.Split('.').Aggregate(element, (e, name) => e.GetProperty(name));
}
