using MathNet.Numerics.LinearAlgebra;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Activations;
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
public static class Charts
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
        return Finish(LossLine(history, name), "Training loss over time", "epoch", "loss (mean squared error)");
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
    /// Any model's prediction over the unit square as a heatmap, with the examples on top. <paramref name="predict"/>
    /// gets a batch of points (one per row, two columns) and returns one prediction per row.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is below 2.</exception>
    /// <exception cref="ArgumentException">X and y do not fit each other.</exception>
    public static GenericChart DecisionBoundary(Func<Matrix<double>, Matrix<double>> predict, Matrix<double> X, Matrix<double> y, int resolution = 50)
    {
        Guard.NotNull(predict, nameof(predict));
        Guard.Shape(X, null, 2, nameof(X), "one point per row, two coordinates");
        Guard.Shape(y, X.RowCount, 1, nameof(y), "one target per point");
        Guard.AtLeast(resolution, 2, nameof(resolution));
        var axis = Grid(0, 1, resolution);
        var grid = Matrix<double>.Build.Dense(resolution * resolution, 2, (k, j) => j == 0 ? axis[k % resolution] : axis[k / resolution]);
        var predictions = predict(grid);
        var rows = Enumerable.Range(0, resolution).Select(r => Enumerable.Range(0, resolution).Select(c => predictions[r * resolution + c, 0]).ToArray());
        // Plotly's RdBu runs from blue at 0 to red at 1, the colours the points use for their targets.
        var heatmap = Chart.Heatmap<double, double, double, string>(rows, X: axis, Y: axis, Name: "prediction", ColorScale: StyleParam.Colorscale.RdBu);
        var points = new[] { 0, 1 }.Select(target =>
        {
            var members = Enumerable.Range(0, X.RowCount).Where(i => Math.Round(y[i, 0]) == target).ToArray();
            return Chart.Point<double, double, string>(
                members.Select(i => X[i, 0]), members.Select(i => X[i, 1]), Name: $"target {target}",
                Marker: OutlinedMarker(target == 1 ? "darkred" : "darkblue"),
                MarkerSymbol: target == 1 ? StyleParam.MarkerSymbol.Circle : StyleParam.MarkerSymbol.Square);
        });
        var chart = Chart.Combine([heatmap, .. points])
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, X: 0.0, Y: 1.02, YAnchor: StyleParam.YAnchorPosition.Bottom);
        return Finish(chart, "What the network predicts over the unit square", "x1", "x2", width: 620, height: 560);
    }

    /// <summary>One loss curve per learning rate of a sweep, on one chart (the loss axis is logarithmic).</summary>
    public static GenericChart LearningRateSweep(IEnumerable<SweepRun> runs)
    {
        Guard.NotNull(runs, nameof(runs));
        var lines = runs.Select(run => LossLine(run.History, $"η = {run.LearningRate:G3}")).ToList();
        return Finish(Chart.Combine(lines), "Loss curves for each learning rate", "epoch", "loss", logY: true);
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

    private static GenericChart LossLine(TrainingHistory history, string name) =>
        Chart.Line<int, double, string>(Enumerable.Range(0, history.Epochs), history.Losses, Name: name);

    /// <summary>A large marker with a white outline, so points stay visible on top of a heatmap.</summary>
    private static Plotly.NET.TraceObjects.Marker OutlinedMarker(string color)
    {
        // Plotly.NET's init methods take F# options only; its objects also accept plotly.js properties by name.
        var outline = new Line();
        outline.SetProperty("color", "white");
        outline.SetProperty("width", 2.0);
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", 14);
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
