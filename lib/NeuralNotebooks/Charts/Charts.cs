using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Activations;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace NeuralNotebooks.Charts;

/// <summary>
/// The course's charts. Each returns a Plotly.NET chart value: end a notebook cell with it to draw it,
/// or style it further with Plotly.NET's <c>With…</c> methods. The families live in files of their own
/// (<c>LossCharts.cs</c>, <c>BoundaryCharts.cs</c>, <c>SweepCharts.cs</c>, <c>NetworkChart.cs</c>, …);
/// this file holds the helpers they share.
/// </summary>
public static partial class Charts
{
    /// <summary>The significant digits the charts keep of each number they embed, so pages stay small.</summary>
    private const int SignificantDigits = 4;

    /// <summary>The smallest marker the examples get: below it, the white outline swallows the fill.</summary>
    private const int SmallestPoint = 7;

    /// <summary>The buckets <see cref="CurveSampling"/> groups a long loss curve into (at most three points each).</summary>
    private const int CurveBuckets = 50;

    /// <summary>An activation function and its slope, drawn over z from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not finite, or <paramref name="points"/> is below 2.</exception>
    public static GenericChart Activation(Activation activation, double from = -6, double to = 6, int points = 241)
    {
        Guard.NotNull(activation, nameof(activation));
        var z = Grid(from, to, points);
        var a = z.Select(activation.Function).ToArray();
        var slope = a.Select(activation.DerivativeFromOutput).ToArray();
        return Finish(
            Chart.Combine([
                Chart.Line<double, double, string>(z, a, Name: activation.Name),
                Chart.Line<double, double, string>(z, slope, Name: $"{activation.Name}′ (its slope)"),
            ]),
            $"The {activation.Name} and its derivative", "z (the neuron's weighted sum)", $"{activation.Name}(z) and its slope");
    }

    /// <summary>A plotly.js trace of the given type, its properties named as plotly.js names them.</summary>
    private static Trace Trace(string type, Dictionary<string, object> properties)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in properties)
        {
            trace.SetProperty(name, value);
        }
        return trace;
    }

    /// <summary>A chart of the given traces with the course's default style and the given layout properties (plotly.js names).</summary>
    private static GenericChart Figure(IEnumerable<Trace> traces, Dictionary<string, object> layout, int width, int height) =>
        WithLayout(GenericChart.ofTraceObjects(true, traces), layout).WithSize(width, height);

    /// <summary>The chart with more layout properties (plotly.js names), combined with those it has.</summary>
    private static GenericChart WithLayout(GenericChart chart, Dictionary<string, object> layout)
    {
        var extra = new Layout();
        foreach (var (name, value) in layout)
        {
            extra.SetProperty(name, value);
        }
        return GenericChart.addLayout(extra, chart);
    }

    /// <summary>A line through the points, in a colour, solid or dashed (x: numbers of any type, such as epochs).</summary>
    private static Trace LineTrace(Array x, IEnumerable<double> y, string name, string color, bool dashed = false) =>
        Trace("scatter", new()
        {
            ["mode"] = "lines",
            ["x"] = x,
            ["y"] = y.ToArray(),
            ["name"] = name,
            ["line"] = new Dictionary<string, object> { ["color"] = color, ["width"] = 2, ["dash"] = dashed ? "dash" : "solid" },
        });

    /// <summary>A title, with an optional second line in smaller type.</summary>
    private static Dictionary<string, object> TitleOf(string title, string? subtitle = null) => new()
    {
        ["text"] = subtitle is null ? title : $"{title}<br><span style=\"font-size: 12px\">{subtitle}</span>",
        ["x"] = 0.02,
        ["xanchor"] = "left",
    };

    /// <summary>
    /// One step of a slider that changes several traces at once (plotly.js's "update" method): trace
    /// <paramref name="traces"/>[i] gets the values in <paramref name="values"/>[i], and the layout gets <paramref name="layout"/>.
    /// </summary>
    /// <remarks>
    /// plotly.js applies each attribute to every trace listed, so every trace must get every attribute (a null would reset it):
    /// the dictionaries must have the same keys. Give a trace an attribute it ignores (a heatmap's line colour) a harmless value.
    /// </remarks>
    private static Dictionary<string, object> UpdateStep(
        string label, IReadOnlyList<int> traces, IReadOnlyList<Dictionary<string, object>> values, Dictionary<string, object> layout)
    {
        var attributes = values[0].Keys.ToList();
        if (values.Any(v => v.Count != attributes.Count || !attributes.All(v.ContainsKey)) || values.Count != traces.Count)
        {
            throw new InvalidOperationException($"Every trace a slider step changes needs the same attributes ({string.Join(", ", attributes)}).");
        }
        var data = attributes.ToDictionary(a => a, a => (object)values.Select(v => v[a]).ToArray());
        return new() { ["method"] = "update", ["label"] = label, ["args"] = new object[] { data, layout, traces.ToArray() } };
    }

    /// <summary>
    /// The properties with the values set on them, where a value's key may be a plotly.js path such as "marker.line.color"
    /// (the form a slider step uses): the trace as the step would leave it, for drawing it first.
    /// </summary>
    private static Dictionary<string, object> WithValues(Dictionary<string, object> properties, Dictionary<string, object> values)
    {
        var result = Copy(properties);
        foreach (var (path, value) in values)
        {
            var names = path.Split('.');
            var node = result;
            foreach (var name in names[..^1])
            {
                node = (Dictionary<string, object>)(node[name] = node.TryGetValue(name, out var inner) && inner is Dictionary<string, object> d ? Copy(d) : new Dictionary<string, object>());
            }
            node[names[^1]] = value;
        }
        return result;

        static Dictionary<string, object> Copy(Dictionary<string, object> d) => d.ToDictionary(p => p.Key, p => p.Value is Dictionary<string, object> inner ? Copy(inner) : p.Value);
    }

    /// <summary>A slider over the steps, starting at <paramref name="active"/>, its current value shown after <paramref name="prefix"/>.</summary>
    private static Dictionary<string, object> Slider(
        IReadOnlyList<Dictionary<string, object>> steps, int active, string prefix, bool labelTicks, double x = 0, double length = 1, int gap = 30) => new()
    {
        ["steps"] = steps,
        ["active"] = active,
        ["x"] = x,
        ["len"] = length,
        ["currentvalue"] = new Dictionary<string, object>
        {
            ["prefix"] = prefix, ["font"] = new Dictionary<string, object> { ["size"] = 14, ["color"] = "#2a3f5f" },
        },
        ["pad"] = new Dictionary<string, object> { ["t"] = gap, ["b"] = 10 },
        // Too many steps to label each under the rail: their labels would overlap. The current value says where it is.
        ["font"] = labelTicks ? new Dictionary<string, object>() : new Dictionary<string, object> { ["color"] = "rgba(0,0,0,0)" },
    };

    /// <summary>The title text with a second, smaller line (plotly.js renders the markup).</summary>
    private static string Title(string title, string? subtitle) => (string)TitleOf(title, subtitle)["text"];

    private static Dictionary<string, object> AxisTitle(string text) => new() { ["text"] = text };

    /// <summary>Sets the chart's title and axis titles, and its size.</summary>
    private static GenericChart Finish(GenericChart chart, string title, string xTitle, string yTitle, int width = 760, int height = 440)
    {
        var styled = chart.WithSize(width, height)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle);
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(styled);
    }

    /// <summary>Makes the chart's x axis logarithmic, with readable ticks over the positive values given.</summary>
    private static GenericChart WithLogX(GenericChart chart, IEnumerable<double> values, string name)
    {
        var (min, max) = LogAxis.Extent(values, name);
        return Plotly.NET.Chart.withXAxis(LinearAxisOf(LogAxis.Style(min, max)), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>Makes the chart's y axis logarithmic, with readable ticks over the positive values given.</summary>
    private static GenericChart WithLogY(GenericChart chart, IEnumerable<double> values, string name)
    {
        var (min, max) = LogAxis.Extent(values, name);
        return Plotly.NET.Chart.withYAxis(LinearAxisOf(LogAxis.Style(min, max)), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    private static LinearAxis LinearAxisOf(Dictionary<string, object> properties)
    {
        var axis = new LinearAxis();
        foreach (var (name, value) in properties)
        {
            axis.SetProperty(name, value);
        }
        return axis;
    }

    /// <summary>The number rounded to <see cref="SignificantDigits"/> significant digits (0.25219 → 0.2522).</summary>
    internal static double Significant(double value) =>
        double.IsFinite(value) && value != 0
            ? double.Parse(value.ToString($"G{SignificantDigits}", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value;

    private static double[] Significant(IEnumerable<double> values) => values.Select(Significant).ToArray();

    /// <summary>A number for a label: four significant digits, written out in full from 0.000001 to 100000 (losses get that small).</summary>
    private static string Short(double value) =>
        Math.Abs(value) is (>= 1e-6 and < 1e5) or 0
            ? Significant(value).ToString("0.##########", CultureInfo.InvariantCulture)
            : Significant(value).ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The plotted area: the unit square when every point lies in it, else the points' extent plus a 10% margin.</summary>
    internal static (double[] XAxis, double[] YAxis) Area(Matrix<double> X, int resolution)
    {
        if (X.Enumerate().All(v => v >= 0 && v <= 1))
        {
            return (Grid(0, 1, resolution), Grid(0, 1, resolution));
        }
        double[] Axis(int column)
        {
            var (min, max) = (X.Column(column).Minimum(), X.Column(column).Maximum());
            var margin = Math.Max(0.1 * (max - min), 1e-3);
            return Grid(min - margin, max + margin, resolution);
        }
        return (Axis(0), Axis(1));
    }

    /// <summary>Predictions on a grid: rows[r][c] is the prediction at (xAxis[c], yAxis[r]).</summary>
    internal static double[][] PredictGrid(Func<Matrix<double>, Matrix<double>> predict, double[] xAxis, double[] yAxis)
    {
        var predictions = predict(GridPoints(xAxis, yAxis));
        return Enumerable.Range(0, yAxis.Length).Select(r => Enumerable.Range(0, xAxis.Length).Select(c => predictions[r * xAxis.Length + c, 0]).ToArray()).ToArray();
    }

    /// <summary>Every (x1, x2) of the grid, one per row, x1 varying fastest.</summary>
    private static Matrix<double> GridPoints(double[] xAxis, double[] yAxis) =>
        Matrix<double>.Build.Dense(xAxis.Length * yAxis.Length, 2, (k, j) => j == 0 ? xAxis[k % xAxis.Length] : yAxis[k / xAxis.Length]);

    /// <summary>
    /// The colour bar of a heatmap of predictions: pinned to 0 … 1, so 0.5 is always the middle colour whatever the values
    /// drawn; plotly's RdBu runs from blue at 0 to red at 1, the colours the points use for their targets.
    /// </summary>
    private static Dictionary<string, object> ProbabilityColors(bool showScale, string scaleTitle = "prediction") => new()
    {
        ["colorscale"] = "RdBu",
        ["reversescale"] = false,
        ["zmin"] = 0.0,
        ["zmax"] = 1.0,
        ["showscale"] = showScale,
        ["colorbar"] = ColorBar(scaleTitle),
    };

    private static Dictionary<string, object> ColorBar(string title) => new()
    {
        ["title"] = new Dictionary<string, object> { ["text"] = title, ["side"] = "right" },
        ["thickness"] = 14,
    };

    /// <summary>A heatmap of predictions (or activations) over the grid, on the given axes ("" for the first).</summary>
    private static Trace HeatmapTrace(double[][] z, double[] xAxis, double[] yAxis, string name, Dictionary<string, object> colors, string axes = "")
    {
        var properties = new Dictionary<string, object>
        {
            ["z"] = z.Select(Significant).ToArray(),
            ["x"] = Significant(xAxis),
            ["y"] = Significant(yAxis),
            ["name"] = name,
            ["xaxis"] = $"x{axes}",
            ["yaxis"] = $"y{axes}",
            ["hovertemplate"] = $"x1 = %{{x}}<br>x2 = %{{y}}<br>{name}: %{{z:.3f}}<extra></extra>",
        };
        foreach (var (key, value) in colors)
        {
            properties[key] = value;
        }
        return Trace("heatmap", properties);
    }

    /// <summary>
    /// The examples, one trace per target class: blue squares for 0, red circles for 1, each with a white outline and a
    /// dark fill, so they stay visible on the red and the blue of a heatmap and on the pale colours between.
    /// </summary>
    private static Trace[] TargetPointTraces(Matrix<double> X, Matrix<double> y, int size, string axes = "", bool showLegend = true) =>
        new[] { 0, 1 }.Select(target =>
        {
            var members = Enumerable.Range(0, X.RowCount).Where(i => Math.Round(y[i, 0]) == target).ToArray();
            return Trace("scatter", new()
            {
                ["mode"] = "markers",
                ["x"] = Significant(members.Select(i => X[i, 0])),
                ["y"] = Significant(members.Select(i => X[i, 1])),
                ["name"] = $"target {target}",
                ["legendgroup"] = $"target {target}",
                ["showlegend"] = showLegend,
                ["xaxis"] = $"x{axes}",
                ["yaxis"] = $"y{axes}",
                ["marker"] = new Dictionary<string, object>
                {
                    ["size"] = size,
                    ["color"] = target == 1 ? "#8b0000" : "#00008b",
                    ["symbol"] = target == 1 ? "circle" : "square",
                    ["line"] = new Dictionary<string, object> { ["color"] = "white", ["width"] = size >= 10 ? 2.0 : 1.5 },
                },
            });
        }).ToArray();

    private static double[] Grid(double from, double to, int points)
    {
        Guard.Finite(from, nameof(from));
        Guard.Finite(to, nameof(to));
        Guard.AtLeast(points, 2, nameof(points));
        if (!(to > from))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"to must be greater than from ({Guard.Format(from)}), but was {Guard.Format(to)}.");
        }
        return Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();
    }
}
