using MathNet.Numerics.LinearAlgebra;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace NeuralNotebooks.Charts;

/// <summary>
/// The course's charts. Each returns a Plotly.NET chart value: end a notebook cell with it to draw it,
/// or style it further with Plotly.NET's <c>With…</c> methods.
/// </summary>
public static partial class Charts
{
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
            $"The {activation.Name} and its derivative", "z", "value");
    }

    /// <summary>The loss of every epoch of a training run.</summary>
    public static GenericChart LossCurve(TrainingHistory history, string name = "loss")
    {
        Guard.NotNull(history, nameof(history));
        return Finish(LossLine(history, name), "Training loss over time", "epoch", $"loss ({history.LossName})");
    }

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
        Guard.Shape(X, null, 2, nameof(X), "one point per row, two coordinates");
        Guard.Shape(y, X.RowCount, 1, nameof(y), "one target per point");
        Guard.AtLeast(resolution, 2, nameof(resolution));
        var (xAxis, yAxis) = Area(X, resolution);
        var chart = Chart.Combine([PredictionHeatmap(predict, xAxis, yAxis, "prediction"), .. TargetPoints(X, y)])
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, X: 0.0, Y: 1.02, YAnchor: StyleParam.YAnchorPosition.Bottom);
        var title = xAxis[0] == 0 && xAxis[^1] == 1 ? "What the network predicts over the unit square" : "What the network predicts";
        return Finish(chart, title, "x1", "x2", width: 620, height: 560);
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
        Guard.Shape(data.X, null, 2, "data.X", "two coordinates per point");
        return Finish(Chart.Combine(TargetPoints(data.X, data.y, size: 8)), data.Name, "x1", "x2", width: 480, height: 440);
    }

    /// <summary>Several two-input data sets side by side, their points coloured by class.</summary>
    public static GenericChart Datasets(IEnumerable<Dataset> datasets)
    {
        Guard.NotNull(datasets, nameof(datasets));
        var all = datasets.ToList();
        var panels = all.Select(d => Chart.Combine(TargetPoints(d.X, d.y, size: 6).Select(c => c.WithTraceInfo(ShowLegend: false))));
        return GridOf(panels, all.Select(d => d.Name).ToList(), "The data sets (red: class 1, blue: class 0)", columns: 3, size: 300);
    }

    /// <summary>
    /// Several models' decision boundaries on the same data, side by side: for comparing depths, widths,
    /// activations or optimisers.
    /// </summary>
    public static GenericChart DecisionBoundaries(IEnumerable<(string Title, NeuralNetwork Network)> models, Dataset data, int resolution = 40)
    {
        Guard.NotNull(models, nameof(models));
        Guard.NotNull(data, nameof(data));
        var all = models.ToList();
        var (xAxis, yAxis) = Area(data.X, resolution);
        var panels = all.Select(m => Chart.Combine([
            PredictionHeatmap(m.Network.Predict, xAxis, yAxis, m.Title, showScale: false),
            .. TargetPoints(data.X, data.y, size: 5).Select(c => c.WithTraceInfo(ShowLegend: false)),
        ]));
        return GridOf(panels, all.Select(m => m.Title).ToList(), $"Decision boundaries on {data.Name}", columns: Math.Min(all.Count, 4), size: 260);
    }

    /// <summary>
    /// What each neuron of one hidden layer responds to: one small heatmap per neuron of its activation over the
    /// input plane, as TensorFlow Playground draws them. <paramref name="layer"/> counts from 1 (the first hidden layer).
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
        var maps = Enumerable.Range(0, units).Select(unit =>
            PredictionHeatmap(_ => activations.Column(unit).ToColumnMatrix(), xAxis, yAxis, $"neuron {unit + 1}", showScale: false, probabilities: false));
        var columns = Math.Min(units, 4);
        var rows = (units + columns - 1) / columns;
        var grid = Chart.Grid(maps, rows, columns, SubPlotTitles: Enumerable.Range(1, units).Select(u => $"neuron {u}").ToArray());
        var title = $"Layer {layer}: what each of its {units} neurons responds to";
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(grid.WithSize(220 * columns, 200 * rows + 80));
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
            ProbabilityScale(Chart.Heatmap<double, double, double, string>(frame.Predictions, X: recording.XAxis, Y: recording.YAxis, Name: $"epoch {frame.Epoch}",
                ColorScale: StyleParam.Colorscale.RdBu))
                .WithTraceInfo(Visible: i == frames.Count - 1 ? StyleParam.Visible.True : StyleParam.Visible.False, ShowLegend: false));
        var points = TargetPoints(recording.Data.X, recording.Data.y, size: 9).ToList();
        var steps = frames.Select((frame, i) => new Dictionary<string, object>
        {
            ["method"] = "restyle",
            ["label"] = frame.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["args"] = new object[] { "visible", frames.Select((_, j) => (object)(j == i)).Concat(points.Select(_ => (object)true)).ToArray() },
        }).ToList();
        var slider = new Plotly.NET.LayoutObjects.Slider();
        slider.SetProperty("steps", steps);
        slider.SetProperty("active", frames.Count - 1);
        slider.SetProperty("currentvalue", new Dictionary<string, object> { ["prefix"] = "epoch " });
        var chart = Chart.Combine([.. heatmaps, .. points])
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, X: 0.0, Y: 1.02, YAnchor: StyleParam.YAnchorPosition.Bottom);
        chart = Plotly.NET.Chart.withSlider(slider, FSharpOption<bool>.None).Invoke(chart);
        return Finish(chart, "The decision boundary during training (drag the slider)", "x1", "x2", width: 620, height: 640);
    }

    /// <summary>Several training runs' loss curves on one chart, one named line each.</summary>
    public static GenericChart LossCurves(IEnumerable<(string Name, TrainingHistory History)> runs, bool logY = true)
    {
        Guard.NotNull(runs, nameof(runs));
        var lines = runs.Select(run => LossLine(run.History, run.Name)).ToList();
        return Finish(Chart.Combine(lines), "Loss curves", "epoch", "loss", logY: logY);
    }

    /// <summary>The confusion matrix as a heatmap: row = the true class, column = the predicted class.</summary>
    public static GenericChart ConfusionMatrix(int[,] counts)
    {
        Guard.NotNull(counts, nameof(counts));
        var classes = counts.GetLength(0);
        var labels = Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var rows = Enumerable.Range(0, classes).Select(a => Enumerable.Range(0, classes).Select(p => counts[a, p]).ToArray());
        var heatmap = Chart.Heatmap<int, string, string, string>(rows, X: labels, Y: labels, Name: "examples", ColorScale: StyleParam.Colorscale.YIGnBu, ReverseScale: true, ReverseYAxis: true);
        // Write each count in its cell.
        heatmap = GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(trace =>
        {
            trace.SetProperty("texttemplate", "%{z}");
            return trace;
        }), heatmap);
        return Finish(heatmap, "Confusion matrix", "predicted digit", "true digit", width: 560, height: 520);
    }

    /// <summary>Images drawn in a grid, one small heatmap each (for digits: 64 pixels as 8 × 8), with a title under each.</summary>
    /// <exception cref="ArgumentException">The titles do not match the images, or a row's length is not a square number.</exception>
    public static GenericChart Images(Matrix<double> images, IReadOnlyList<string> titles, int columns = 6)
    {
        Guard.NotNull(images, nameof(images));
        Guard.NotNull(titles, nameof(titles));
        Guard.AtLeast(columns, 1, nameof(columns));
        if (titles.Count != images.RowCount)
        {
            throw new ArgumentException($"titles must have one entry per image ({images.RowCount}), but had {titles.Count}.", nameof(titles));
        }
        var side = (int)Math.Round(Math.Sqrt(images.ColumnCount));
        if (side * side != images.ColumnCount)
        {
            throw new ArgumentException($"images must have a square number of pixels per row, but had {images.ColumnCount}.", nameof(images));
        }
        var cells = Enumerable.Range(0, images.RowCount).Select(i =>
            Chart.Heatmap<double, int, int, string>(
                Enumerable.Range(0, side).Select(r => Enumerable.Range(0, side).Select(c => images[i, r * side + c]).ToArray()),
                Name: titles[i], ColorScale: StyleParam.Colorscale.Greys, ShowScale: false, ReverseScale: true, ReverseYAxis: true));
        var rows = Math.Max(1, (images.RowCount + columns - 1) / columns);
        var grid = Chart.Grid(cells, rows, Math.Min(columns, Math.Max(1, images.RowCount)), SubPlotTitles: titles.ToArray());
        return grid.WithSize(130 * columns, 140 * rows + 40);
    }

    /// <summary>One loss curve per learning rate of a sweep, on one chart (the loss axis is logarithmic).</summary>
    public static GenericChart LearningRateSweep(IEnumerable<SweepRun> runs)
    {
        Guard.NotNull(runs, nameof(runs));
        var chart = LossCurves(runs.Select(run => ($"η = {run.LearningRate:G3}", run.History)));
        return Plotly.NET.Chart.withTitle("Loss curves for each learning rate", FSharpOption<Font>.None).Invoke(chart);
    }

    /// <summary>How many epochs each learning rate needed to bring the loss below the threshold (rates that never did are left out).</summary>
    public static GenericChart EpochsToReach(IEnumerable<SweepRun> runs, double threshold)
    {
        Guard.NotNull(runs, nameof(runs));
        Guard.PositiveFinite(threshold, nameof(threshold));
        var reached = runs.Select(r => (r.LearningRate, Epochs: r.EpochsToReach(threshold))).Where(r => r.Epochs is not null).ToList();
        var chart = Chart.Line<double, int, string>(
            reached.Select(r => r.LearningRate), reached.Select(r => r.Epochs!.Value), ShowMarkers: true, Name: $"epochs to loss < {threshold:G3}");
        return Finish(chart, $"Epochs needed to reach a loss below {threshold:G3}", "learning rate η", "epochs", logX: true);
    }

    private static GenericChart GridOf(IEnumerable<GenericChart> panels, IReadOnlyList<string> titles, string title, int columns, int size)
    {
        var rows = Math.Max(1, (titles.Count + columns - 1) / columns);
        var grid = Chart.Grid(panels, rows, columns, SubPlotTitles: titles.ToArray()).WithSize(size * columns, size * rows + 80);
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(grid);
    }

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

    private static GenericChart PredictionHeatmap(
        Func<Matrix<double>, Matrix<double>> predict, double[] xAxis, double[] yAxis, string name, bool showScale = true, bool probabilities = true)
    {
        // Plotly's RdBu runs from blue at 0 to red at 1, the colours the points use for their targets.
        var heatmap = Chart.Heatmap<double, double, double, string>(
            PredictGrid(predict, xAxis, yAxis), X: xAxis, Y: yAxis, Name: name, ColorScale: StyleParam.Colorscale.RdBu, ShowScale: showScale);
        return probabilities ? ProbabilityScale(heatmap) : heatmap;
    }

    /// <summary>Pins a heatmap's colours to 0 … 1, so 0.5 is always the middle colour whatever the values drawn.</summary>
    private static GenericChart ProbabilityScale(GenericChart heatmap) =>
        GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(trace =>
        {
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", 1.0);
            return trace;
        }), heatmap);

    private static IEnumerable<GenericChart> TargetPoints(Matrix<double> X, Matrix<double> y, int size = 14) =>
        new[] { 0, 1 }.Select(target =>
        {
            var members = Enumerable.Range(0, X.RowCount).Where(i => Math.Round(y[i, 0]) == target).ToArray();
            return Chart.Point<double, double, string>(
                members.Select(i => X[i, 0]), members.Select(i => X[i, 1]), Name: $"target {target}",
                Marker: OutlinedMarker(target == 1 ? "darkred" : "darkblue", size),
                MarkerSymbol: target == 1 ? StyleParam.MarkerSymbol.Circle : StyleParam.MarkerSymbol.Square);
        });

    private static GenericChart LossLine(TrainingHistory history, string name) =>
        Chart.Line<int, double, string>(Enumerable.Range(0, history.Epochs), history.Losses, Name: name);

    /// <summary>A large marker with a white outline, so points stay visible on top of a heatmap.</summary>
    private static Plotly.NET.TraceObjects.Marker OutlinedMarker(string color, int size)
    {
        // Plotly.NET's init methods take F# options only; its objects also accept plotly.js properties by name.
        var outline = new Line();
        outline.SetProperty("color", "white");
        outline.SetProperty("width", size > 10 ? 2.0 : 0.5);
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", size);
        marker.SetProperty("color", color);
        marker.SetProperty("line", outline);
        return marker;
    }

    private static GenericChart Finish(
        GenericChart chart, string title, string xTitle, string yTitle, bool logX = false, bool logY = false, int width = 760, int height = 440)
    {
        var styled = chart.WithSize(width, height)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(styled);
    }

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
