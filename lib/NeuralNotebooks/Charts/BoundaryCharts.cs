using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using Plotly.NET;

namespace NeuralNotebooks.Charts;

// Decision boundaries and data sets on the plane: what a network predicts at every point, with the examples on top.
public static partial class Charts
{
    private const string ProbabilityScaleTitle = "prediction (probability of class 1)";

    /// <summary>
    /// The network's prediction over the unit square as a heatmap (0 blue, 1 red), with the examples on top,
    /// coloured by their targets: where the colour changes is the decision boundary.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is below 2.</exception>
    public static GenericChart DecisionBoundary(SimpleNeuralNetwork network, Matrix<double> X, Matrix<double> y, int resolution = 50)
    {
        Guard.NotNull(network, nameof(network));
        return DecisionBoundary(network.Predict, X, y, resolution);
    }

    /// <summary>
    /// Any model's prediction over the plane as a heatmap, with the examples on top. <paramref name="predict"/>
    /// gets a batch of points (one per row, two columns) and returns one prediction per row (its first column is
    /// drawn). The area is the unit square when every example lies in it, else the examples' extent plus a margin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is below 2.</exception>
    /// <exception cref="ArgumentException">X and y do not fit each other.</exception>
    public static GenericChart DecisionBoundary(Func<Matrix<double>, Matrix<double>> predict, Matrix<double> X, Matrix<double> y, int resolution = 50)
    {
        Guard.NotNull(predict, nameof(predict));
        CheckPlane(X, y);
        Guard.AtLeast(resolution, 2, nameof(resolution));
        var (xAxis, yAxis) = Area(X, resolution);
        var unitSquare = xAxis[0] == 0 && xAxis[^1] == 1;
        Trace[] traces =
        [
            HeatmapTrace(PredictGrid(predict, xAxis, yAxis), xAxis, yAxis, "prediction", ProbabilityColors(showScale: true, ProbabilityScaleTitle)),
            .. TargetPointTraces(X, y, size: X.RowCount <= 16 ? 14 : SmallestPoint),
        ];
        return Figure(traces, new()
        {
            ["title"] = TitleOf(unitSquare ? "What the network predicts over the unit square" : "What the network predicts"),
            ["xaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x1") },
            ["yaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x2") },
            ["legend"] = TopLegend(),
        }, width: 640, height: 560);
    }

    /// <summary>A network's decision boundary on a two-input data set (the probability of class 1, or the first output).</summary>
    public static GenericChart DecisionBoundary(NeuralNetwork network, Dataset data, int resolution = 50)
    {
        Guard.NotNull(network, nameof(network));
        Guard.NotNull(data, nameof(data));
        return DecisionBoundary(network.Predict, data.X, data.y, resolution);
    }

    /// <summary>A two-input data set's points, coloured by class.</summary>
    public static GenericChart Dataset(Dataset data)
    {
        Guard.NotNull(data, nameof(data));
        CheckPlane(data.X, data.y);
        return Figure(TargetPointTraces(data.X, data.y, size: 8), new()
        {
            ["title"] = TitleOf(data.Name),
            ["xaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x1") },
            ["yaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x2") },
        }, width: 480, height: 440);
    }

    /// <summary>Several two-input data sets side by side, their points coloured by class.</summary>
    public static GenericChart Datasets(IEnumerable<Dataset> datasets)
    {
        Guard.NotNull(datasets, nameof(datasets));
        var all = datasets.ToList();
        var panels = all.Select((d, i) => { CheckPlane(d.X, d.y); return TargetPointTraces(d.X, d.y, size: SmallestPoint, Axes(i), showLegend: i == 0); });
        return Panels(panels, all.Select(d => d.Name).ToList(), "The data sets: red circles are class 1, blue squares class 0", columns: 3, size: 300, colorBar: null);
    }

    /// <summary>
    /// Several models' decision boundaries on the same data, side by side: for comparing depths, widths,
    /// activations or optimisers. One colour bar serves every panel (each is pinned to 0 … 1).
    /// </summary>
    public static GenericChart DecisionBoundaries(IEnumerable<(string Title, NeuralNetwork Network)> models, Dataset data, int resolution = 40)
    {
        Guard.NotNull(models, nameof(models));
        Guard.NotNull(data, nameof(data));
        CheckPlane(data.X, data.y);
        var all = models.ToList();
        var (xAxis, yAxis) = Area(data.X, resolution);
        var panels = all.Select((m, i) => new[]
        {
            HeatmapTrace(PredictGrid(m.Network.Predict, xAxis, yAxis), xAxis, yAxis, m.Title, ProbabilityColors(showScale: i == 0, ProbabilityScaleTitle), Axes(i)),
        }.Concat(TargetPointTraces(data.X, data.y, size: SmallestPoint, Axes(i), showLegend: i == 0)));
        return Panels(panels, all.Select(m => m.Title).ToList(), $"Decision boundaries on {data.Name}", columns: Math.Min(all.Count, 4), size: 260, colorBar: ProbabilityScaleTitle);
    }

    /// <summary>
    /// What each neuron of one hidden layer responds to: one small heatmap per neuron of its activation over the
    /// input plane, as TensorFlow Playground draws them. <paramref name="layer"/> counts from 1 (the first hidden layer).
    /// All maps share one colour scale, from the layer's lowest activation (blue) to its highest (red).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not a hidden layer of the network.</exception>
    public static GenericChart HiddenUnits(NeuralNetwork network, int layer, Dataset data, int resolution = 30)
    {
        Guard.NotNull(network, nameof(network));
        Guard.NotNull(data, nameof(data));
        Guard.InRange(layer, 1, network.Layers.Count - 1, nameof(layer));
        var (xAxis, yAxis) = Area(data.X, resolution);
        var units = network.Layers[layer - 1].Outputs;
        // One forward pass over the grid gives every neuron's activations, one column each.
        var activations = network.Forward(GridPoints(xAxis, yAxis)).Activations[layer];
        var (lowest, highest) = (activations.Enumerate().Min(), activations.Enumerate().Max());
        var colors = new Dictionary<string, object>
        {
            ["colorscale"] = "RdBu",
            ["zmin"] = Significant(lowest),
            ["zmax"] = Significant(highest > lowest ? highest : lowest + 1),
            ["colorbar"] = ColorBar($"activation ({network.Layers[layer - 1].Activation.Name})"),
        };
        var maps = Enumerable.Range(0, units).Select(unit =>
        {
            var grid = Enumerable.Range(0, yAxis.Length).Select(r => Enumerable.Range(0, xAxis.Length).Select(c => activations[r * xAxis.Length + c, unit]).ToArray()).ToArray();
            return new[] { HeatmapTrace(grid, xAxis, yAxis, $"neuron {unit + 1}", new(colors) { ["showscale"] = unit == 0 }, Axes(unit)) };
        });
        var title = $"Layer {layer}: what each of its {units} neurons responds to";
        return Panels(maps, Enumerable.Range(1, units).Select(u => $"neuron {u}").ToList(), title, columns: Math.Min(units, 4), size: 220, colorBar: "activation");
    }

    /// <summary>
    /// The decision boundary as it changes during training: one frame per snapshot, chosen with a slider.
    /// </summary>
    /// <exception cref="ArgumentException">There are no snapshots.</exception>
    public static GenericChart BoundaryAnimation(BoundaryRecorder recording)
    {
        Guard.NotNull(recording, nameof(recording));
        var frames = recording.Frames;
        if (frames.Count == 0)
        {
            throw new ArgumentException("recording must hold at least one frame, but was empty: train with onEpoch: recorder.Record.", nameof(recording));
        }
        var heatmaps = frames.Select((frame, i) =>
        {
            var heatmap = HeatmapTrace(frame.Predictions, recording.XAxis, recording.YAxis, $"epoch {frame.Epoch}", ProbabilityColors(showScale: true, ProbabilityScaleTitle));
            heatmap.SetProperty("visible", i == frames.Count - 1);
            return heatmap;
        }).ToList();
        var points = TargetPointTraces(recording.Data.X, recording.Data.y, size: recording.Data.X.RowCount <= 16 ? 14 : 9);
        var steps = frames.Select((frame, i) => new Dictionary<string, object>
        {
            ["method"] = "restyle",
            ["label"] = frame.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["args"] = new object[] { "visible", frames.Select((_, j) => (object)(j == i)).Concat(points.Select(_ => (object)true)).ToArray() },
        }).ToList();
        return Figure([.. heatmaps, .. points], new()
        {
            ["title"] = TitleOf("The decision boundary during training", "drag the slider to see it after each number of epochs"),
            ["xaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x1") },
            ["yaxis"] = new Dictionary<string, object> { ["title"] = AxisTitle("x2") },
            ["legend"] = TopLegend(),
            ["margin"] = new Dictionary<string, object> { ["t"] = 120 },
            ["sliders"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["steps"] = steps,
                    ["active"] = frames.Count - 1,
                    ["currentvalue"] = new Dictionary<string, object> { ["prefix"] = "epochs trained: " },
                    ["pad"] = new Dictionary<string, object> { ["t"] = 50 },
                },
            },
        }, width: 640, height: 660);
    }

    /// <summary>The axes suffix of panel <paramref name="index"/>: "" for the first (x, y), then "2" (x2, y2), …</summary>
    private static string Axes(int index) => index == 0 ? "" : $"{index + 1}";

    /// <summary>A legend in one row above the plot, so it never covers a colour bar.</summary>
    private static Dictionary<string, object> TopLegend() => new()
    {
        ["orientation"] = "h",
        ["x"] = 0.0,
        ["y"] = 1.02,
        ["yanchor"] = "bottom",
    };

    /// <summary>
    /// Panels in a grid, each on its own pair of axes (panel i's traces must name axes <see cref="Axes"/>(i)), square,
    /// with its title above it and room below for its tick labels (none with <paramref name="tickLabels"/> false), and one
    /// colour bar at the right when <paramref name="colorBar"/> names it. <paramref name="styleAxes"/> may style panel i's axes.
    /// </summary>
    private static GenericChart Panels(
        IEnumerable<IEnumerable<Trace>> panels, IReadOnlyList<string> titles, string title, int columns, int size, string? colorBar,
        Action<int, Dictionary<string, object>, Dictionary<string, object>>? styleAxes = null, bool tickLabels = true)
    {
        // Pixels: each row is a title, the square panel, and its tick labels; each column the panel and a gap.
        var (titleHeight, below, gap) = (26, tickLabels ? 26 : 8, tickLabels ? 44 : 14);
        var rows = Math.Max(1, (titles.Count + columns - 1) / columns);
        var (rowHeight, columnWidth) = (titleHeight + size + below, size + gap);
        var (plotWidth, plotHeight) = ((double)columns * columnWidth, (double)rows * rowHeight);
        var (top, bottom, left, right) = (90, 10, tickLabels ? 40 : 10, colorBar is null ? 10 : 110);
        var layout = new Dictionary<string, object>
        {
            ["title"] = TitleOf(title),
            ["margin"] = new Dictionary<string, object> { ["t"] = top, ["b"] = bottom, ["l"] = left, ["r"] = right },
            ["legend"] = TopLegend(),
        };
        var annotations = new List<Dictionary<string, object>>();
        for (var i = 0; i < titles.Count; i++)
        {
            var (row, column) = (i / columns, i % columns);
            var (x0, x1) = (column * columnWidth / plotWidth, (column * columnWidth + size) / plotWidth);
            var (yTop, yBottom) = (1 - (row * rowHeight + titleHeight) / plotHeight, 1 - (row * rowHeight + titleHeight + size) / plotHeight);
            var xAxis = new Dictionary<string, object> { ["domain"] = new[] { x0, x1 }, ["anchor"] = $"y{Axes(i)}", ["constrain"] = "domain" };
            var yAxis = new Dictionary<string, object> { ["domain"] = new[] { yBottom, yTop }, ["anchor"] = $"x{Axes(i)}", ["constrain"] = "domain" };
            styleAxes?.Invoke(i, xAxis, yAxis);
            (layout[$"xaxis{Axes(i)}"], layout[$"yaxis{Axes(i)}"]) = (xAxis, yAxis);
            annotations.Add(new Dictionary<string, object>
            {
                ["text"] = titles[i], ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                ["x"] = (x0 + x1) / 2, ["y"] = yTop, ["xanchor"] = "center", ["yanchor"] = "bottom", ["font"] = new Dictionary<string, object> { ["size"] = 12 },
            });
        }
        layout["annotations"] = annotations;
        return Figure(panels.SelectMany(p => p), layout, (int)plotWidth + left + right, (int)plotHeight + top + bottom);
    }

    private static void CheckPlane(Matrix<double> X, Matrix<double> y)
    {
        Guard.Shape(X, null, 2, nameof(X), "one point per row, two coordinates");
        Guard.Shape(y, X.RowCount, 1, nameof(y), "one target per point");
    }
}
