using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Autograd;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace NeuralNotebooks.Charts;

public static partial class Charts
{
    private const int OperationSize = 26;
    private const int BoxGap = 14;

    /// <summary>
    /// The computation graph of <paramref name="output"/>, drawn as micrograd draws it with graphviz: left to right from
    /// the inputs to the output, one box per value showing its label, its number and its gradient ∂output/∂value, and
    /// between them a small circle for the operation (+, −, ×, ÷, exp, σ, Σ) that made each computed value.
    /// </summary>
    /// <remarks>
    /// The gradients are those of the last <see cref="Value.Backward"/> call (0 before one). Hovering over a box shows
    /// its numbers in full. Any graph can be drawn; one with hundreds of nodes makes a large chart.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public static GenericChart ComputationGraph(Value output)
    {
        Guard.NotNull(output, nameof(output));
        var placed = GraphLayout.Place(output);
        var texts = placed.Select(p => NodeText(p.Node)).ToList();
        var box = Math.Max(52, (int)Math.Ceiling(texts.Max(VisibleWidth)) + 12);
        var step = box / 2.0 + BoxGap + OperationSize / 2.0; // from a box's centre to the next operation's centre
        var rowHeight = box + 10.0;
        var where = placed.ToDictionary(p => p.Node, p => (X: 2 * step * p.Column, Y: -rowHeight * p.Row));
        var computed = placed.Where(p => p.Node.Operation.Length > 0).ToList();
        var operationAt = computed.ToDictionary(p => p.Node, p => (X: where[p.Node].X - step, where[p.Node].Y));

        var edges = computed.SelectMany(p => p.Node.Inputs.Select(input => (From: where[input], To: operationAt[p.Node])).Append((operationAt[p.Node], where[p.Node])));
        var chart = Chart.Combine([
            EdgeLines(edges.ToList()),
            Nodes(computed.Select(p => operationAt[p.Node]), computed.Select(p => p.Node.Operation), "operations",
                StyleParam.MarkerSymbol.Circle, OperationSize, hover: computed.Select(p => $"{p.Node.Operation} makes {Describe(p.Node)}")),
            Nodes(placed.Select(p => where[p.Node]), texts, "values", StyleParam.MarkerSymbol.Square, box, hover: placed.Select(p => Hover(p.Node, output))),
        ]);
        // Each axis spans exactly the nodes plus half a box and a margin, and the plot area is that many pixels, so
        // one unit is one pixel and boxes sized in pixels never overlap.
        var xRange = Span(where.Values.Select(p => p.X), box);
        var yRange = Span(where.Values.Select(p => p.Y), box);
        var name = output.Label.Length > 0 ? output.Label : "output";
        var title = $"The computation graph of {name}: each box shows a label, a value and its gradient ∂ = ∂{name}/∂value";
        var width = (int)(xRange[1] - xRange[0]) + Margins.Left + Margins.Right;
        var height = (int)(yRange[1] - yRange[0]) + Margins.Top + Margins.Bottom;
        var finished = Finish(chart, title, "", "", width: width, height: height);
        // A graph has no axes to read: hide them, and draw it on white like a diagram.
        var noXAxis = Plotly.NET.Chart.withXAxis(HiddenAxis(xRange), FSharpOption<StyleParam.SubPlotId>.None).Invoke(finished);
        var noAxes = Plotly.NET.Chart.withYAxis(HiddenAxis(yRange), FSharpOption<StyleParam.SubPlotId>.None).Invoke(noXAxis);
        var layout = new Layout();
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = Margins.Left, ["r"] = Margins.Right, ["t"] = Margins.Top, ["b"] = Margins.Bottom, ["pad"] = 0 });
        return Plotly.NET.Chart.withLayout(layout).Invoke(noAxes);
    }

    private static readonly (int Left, int Right, int Top, int Bottom) Margins = (20, 20, 70, 20);

    private static double[] Span(IEnumerable<double> positions, int box)
    {
        var all = positions.ToList();
        return [all.Min() - box / 2.0 - 10, all.Max() + box / 2.0 + 10];
    }

    /// <summary>A value's box: its label in bold (if it has one), its number, and its gradient after "∂".</summary>
    private static string NodeText(Value node)
    {
        var numbers = $"{Short(node.Data)}<br>∂ {Short(node.Gradient)}";
        return node.Label.Length > 0 ? $"<b>{node.Label}</b><br>{numbers}" : numbers;
    }

    private static string Short(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private static string Hover(Value node, Value output) => string.Create(CultureInfo.InvariantCulture,
        $"{Describe(node)} = {node.Data:G10}<br>∂{(output.Label.Length > 0 ? output.Label : "output")}/∂{Describe(node)} = {node.Gradient:G10}");

    private static string Describe(Value node) => node.Label.Length > 0 ? node.Label : node.Operation.Length > 0 ? $"a {node.Operation} result" : "a constant";

    /// <summary>About how wide the widest line of a box's text is, in pixels, at the chart's 11 px font.</summary>
    private static double VisibleWidth(string text) => text.Split("<br>").Max(line => Tags().Replace(line, "").Length) * 6.6;

    private static GenericChart Nodes(
        IEnumerable<(double X, double Y)> at, IEnumerable<string> texts, string name, StyleParam.MarkerSymbol symbol, int size, IEnumerable<string> hover)
    {
        var points = at.ToList();
        var outline = new Line();
        outline.SetProperty("color", "#5b6b8c");
        outline.SetProperty("width", 1.0);
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", size);
        marker.SetProperty("color", symbol == StyleParam.MarkerSymbol.Square ? "#eef2fa" : "white");
        marker.SetProperty("line", outline);
        var chart = Chart.Point<double, double, string>(
            points.Select(p => p.X), points.Select(p => p.Y), Name: name, ShowLegend: false, MultiText: texts.ToArray(),
            TextPosition: StyleParam.TextPosition.MiddleCenter, Marker: marker, MarkerSymbol: symbol);
        var hoverTexts = hover.ToArray();
        return GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(trace =>
        {
            trace.SetProperty("hovertext", hoverTexts);
            trace.SetProperty("hoverinfo", "text");
            trace.SetProperty("textfont", new Dictionary<string, object> { ["size"] = symbol == StyleParam.MarkerSymbol.Square ? 11 : 14 });
            return trace;
        }), chart);
    }

    /// <summary>Every edge as a straight grey line, all in one trace (plotly.js breaks a line where x and y are null).</summary>
    private static GenericChart EdgeLines(IReadOnlyList<((double X, double Y) From, (double X, double Y) To)> edges)
    {
        var xs = edges.SelectMany(e => new object?[] { e.From.X, e.To.X, null }).ToArray();
        var ys = edges.SelectMany(e => new object?[] { e.From.Y, e.To.Y, null }).ToArray();
        var chart = Chart.Line<double, double, string>([], [], Name: "edges", ShowLegend: false, LineColor: Color.fromString("#9aa5b8"));
        return GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(trace =>
        {
            trace.SetProperty("x", xs);
            trace.SetProperty("y", ys);
            trace.SetProperty("hoverinfo", "skip");
            return trace;
        }), chart);
    }

    private static LinearAxis HiddenAxis(double[] range)
    {
        var axis = new LinearAxis();
        axis.SetProperty("visible", false);
        axis.SetProperty("range", range);
        return axis;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
