using System.Globalization;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Autograd;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace NeuralNotebooks.Charts;

public static partial class Charts
{
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
        var drawing = new GraphDrawing(output);
        var chart = Chart.Combine([drawing.Edges(), drawing.Operations(), drawing.Values()]);
        var name = output.Label.Length > 0 ? output.Label : "output";
        var title = $"The computation graph of {name}: each box shows a label, a value and its gradient ∂ = ∂{name}/∂value";
        return drawing.AsDiagram(Finish(chart, title, "", "", width: drawing.Width, height: drawing.Height));
    }
}

/// <summary>
/// Where each box, operation and edge of a computation graph goes, in pixels, and the traces that draw them
/// (file-local, so that its helpers cannot clash with other charts').
/// </summary>
file sealed class GraphDrawing
{
    private const int OperationSize = 26;
    private const int Gap = 14;
    private const int MinimumWidth = 680; // enough for the title
    private static readonly (int Left, int Right, int Top, int Bottom) Margins = (20, 20, 70, 20);

    private readonly Value output;
    private readonly IReadOnlyList<PlacedNode> placed;
    private readonly List<PlacedNode> computed;
    private readonly List<string> texts;
    private readonly int box;
    private readonly Dictionary<Value, (double X, double Y)> boxAt;
    private readonly Dictionary<Value, (double X, double Y)> operationAt;
    private readonly double[] xRange;
    private readonly double[] yRange;

    public GraphDrawing(Value output)
    {
        this.output = output;
        placed = GraphLayout.Place(output);
        computed = placed.Where(p => p.Node.Operation.Length > 0).ToList();
        texts = placed.Select(p => BoxText(p.Node)).ToList();
        box = Math.Max(52, (int)Math.Ceiling(texts.Max(TextWidth)) + 12);
        // Columns alternate box, operation, box: each a step apart. Rows are a box and a little more apart.
        var step = box / 2.0 + Gap + OperationSize / 2.0;
        boxAt = placed.ToDictionary(p => p.Node, p => (X: 2 * step * p.Column, Y: -(box + 10.0) * p.Row));
        operationAt = computed.ToDictionary(p => p.Node, p => (X: boxAt[p.Node].X - step, boxAt[p.Node].Y));
        // Each axis spans the boxes plus half a box and a margin, and the plot area is that many pixels (or wider, for
        // the title): one unit is at least one pixel, so boxes sized in pixels never overlap.
        xRange = Span(boxAt.Values.Select(p => p.X));
        yRange = Span(boxAt.Values.Select(p => p.Y));
    }

    public int Width => Math.Max((int)(xRange[1] - xRange[0]) + Margins.Left + Margins.Right, MinimumWidth);

    public int Height => (int)(yRange[1] - yRange[0]) + Margins.Top + Margins.Bottom;

    /// <summary>One box per value: its label, its number and its gradient.</summary>
    public GenericChart Values() =>
        Nodes(placed.Select(p => boxAt[p.Node]), texts, "values", StyleParam.MarkerSymbol.Square, box, 11, placed.Select(p => Hover(p.Node)));

    /// <summary>One circle per operation, just left of the value it made.</summary>
    public GenericChart Operations() =>
        Nodes(computed.Select(p => operationAt[p.Node]), computed.Select(p => p.Node.Operation), "operations", StyleParam.MarkerSymbol.Circle,
            OperationSize, 14, computed.Select(p => $"{p.Node.Operation} makes {Describe(p.Node)}"));

    /// <summary>Every edge as a straight grey line, all in one trace (plotly.js breaks a line where x and y are null).</summary>
    public GenericChart Edges()
    {
        var lines = computed.SelectMany(p => p.Node.Inputs.Select(input => (From: boxAt[input], To: operationAt[p.Node])).Append((From: operationAt[p.Node], To: boxAt[p.Node])))
            .ToList();
        var xs = lines.SelectMany(l => new object?[] { l.From.X, l.To.X, null }).ToArray();
        var ys = lines.SelectMany(l => new object?[] { l.From.Y, l.To.Y, null }).ToArray();
        var chart = Chart.Line<double, double, string>([], [], Name: "edges", ShowLegend: false, LineColor: Color.fromString("#9aa5b8"));
        return WithTraceProperties(chart, ("x", xs), ("y", ys), ("hoverinfo", "skip"));
    }

    /// <summary>A graph has no axes to read: hides them, fixes their ranges, and draws on white like a diagram.</summary>
    public GenericChart AsDiagram(GenericChart chart)
    {
        var noXAxis = Plotly.NET.Chart.withXAxis(HiddenAxis(xRange), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        var noAxes = Plotly.NET.Chart.withYAxis(HiddenAxis(yRange), FSharpOption<StyleParam.SubPlotId>.None).Invoke(noXAxis);
        var layout = new Layout();
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("margin", new Dictionary<string, object>
        {
            ["l"] = Margins.Left, ["r"] = Margins.Right, ["t"] = Margins.Top, ["b"] = Margins.Bottom, ["pad"] = 0,
        });
        return Plotly.NET.Chart.withLayout(layout).Invoke(noAxes);
    }

    /// <summary>A value's box: its label in bold (if it has one), its number, and its gradient after "∂".</summary>
    private static string BoxText(Value node)
    {
        var numbers = $"{Short(node.Data)}<br>∂ {Short(node.Gradient)}";
        return node.Label.Length > 0 ? $"<b>{node.Label}</b><br>{numbers}" : numbers;
    }

    private static string Short(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private string Hover(Value node) => string.Create(CultureInfo.InvariantCulture,
        $"{Describe(node)} = {node.Data:G10}<br>∂{(output.Label.Length > 0 ? output.Label : "output")}/∂{Describe(node)} = {node.Gradient:G10}");

    private static string Describe(Value node) =>
        node.Label.Length > 0 ? node.Label : node.Operation.Length > 0 ? $"a {node.Operation} result" : "a constant";

    /// <summary>About how wide the widest line of a box's text is, in pixels, at an 11 px font (the bold tags take no room).</summary>
    private static double TextWidth(string text) =>
        text.Split("<br>").Max(line => line.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal).Length) * 6.6;

    private double[] Span(IEnumerable<double> positions)
    {
        var all = positions.ToList();
        return [all.Min() - box / 2.0 - 10, all.Max() + box / 2.0 + 10];
    }

    private static GenericChart Nodes(
        IEnumerable<(double X, double Y)> at, IEnumerable<string> labels, string name, StyleParam.MarkerSymbol symbol, int size, int fontSize,
        IEnumerable<string> hover)
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
            points.Select(p => p.X), points.Select(p => p.Y), Name: name, ShowLegend: false, MultiText: labels.ToArray(),
            TextPosition: StyleParam.TextPosition.MiddleCenter, Marker: marker, MarkerSymbol: symbol);
        return WithTraceProperties(chart,
            ("hovertext", hover.ToArray()), ("hoverinfo", "text"), ("textfont", new Dictionary<string, object> { ["size"] = fontSize }));
    }

    /// <summary>Sets plotly.js trace properties by name, for those Plotly.NET's C# API does not offer.</summary>
    private static GenericChart WithTraceProperties(GenericChart chart, params (string Name, object Value)[] properties) =>
        GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(trace =>
        {
            foreach (var (name, value) in properties)
            {
                trace.SetProperty(name, value);
            }
            return trace;
        }), chart);

    private static LinearAxis HiddenAxis(double[] range)
    {
        var axis = new LinearAxis();
        axis.SetProperty("visible", false);
        axis.SetProperty("range", range);
        return axis;
    }
}
