using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Training;
using Plotly.NET;

namespace NeuralNotebooks.Charts;

// Learning-rate sweeps: every rate's loss curve, the epochs each rate needs, and a slider over the rates.
public static partial class Charts
{
    /// <summary>Up to this many lines, a legend names each; beyond it, a colour bar shows which colour is which rate.</summary>
    private const int MostLegendEntries = 15;

    /// <summary>
    /// One loss curve per learning rate of a sweep, on one chart with a logarithmic loss axis. The colours run in
    /// order of the rate along one colour scale (dark purple for the smallest, yellow-green for the largest).
    /// </summary>
    /// <remarks>Each curve keeps at most 151 of its points (<see cref="CurveSampling"/>), to 4 significant digits.</remarks>
    public static GenericChart LearningRateSweep(IEnumerable<SweepRun> runs)
    {
        Guard.NotNull(runs, nameof(runs));
        var all = runs.ToList();
        var ranks = all.Select(r => all.Count(other => other.LearningRate < r.LearningRate)).ToArray();
        var scale = Palette.Sequential(all.Count);
        var colors = ranks.Select(rank => scale[rank]).ToArray();
        var (slowest, fastest) = all.Count == 0 ? (0.0, 0.0) : (all.Min(r => r.LearningRate), all.Max(r => r.LearningRate));
        var title = Title($"Loss curves for {all.Count} learning rates", $"colour: η from {Short(slowest)} (dark purple) to {Short(fastest)} (yellow-green)");
        var chart = LossCurves(all.Select(r => ($"η = {Short(r.LearningRate)}", r.History)).ToList(), colors, title, logY: true, sample: true);
        return all.Count <= MostLegendEntries ? chart : WithRateColorBar(chart, slowest, fastest);
    }

    /// <summary>
    /// How many epochs each learning rate needed to bring the loss below the threshold, against the rate on a log
    /// axis (rates that never did are left out, and the subtitle says how many).
    /// </summary>
    public static GenericChart EpochsToReach(IEnumerable<SweepRun> runs, double threshold)
    {
        Guard.NotNull(runs, nameof(runs));
        Guard.PositiveFinite(threshold, nameof(threshold));
        var all = runs.OrderBy(r => r.LearningRate).ToList();
        var reached = all.Select(r => (r.LearningRate, Epochs: r.EpochsToReach(threshold))).Where(r => r.Epochs is not null).ToList();
        var line = Trace("scatter", new()
        {
            ["mode"] = "lines+markers",
            ["x"] = reached.Select(r => r.LearningRate).ToArray(),
            ["y"] = reached.Select(r => r.Epochs!.Value).ToArray(),
            ["name"] = $"epochs to loss < {Short(threshold)}",
            ["line"] = new Dictionary<string, object> { ["color"] = Palette.Qualitative[0] },
            ["hovertemplate"] = "η = %{x}: %{y} epochs<extra></extra>",
        });
        var missing = all.Count - reached.Count;
        var chart = Finish(Figure([line], [], 760, 440),
            Title($"Epochs needed to bring the loss below {Short(threshold)}", missing == 0 ? null : $"{missing} of the {all.Count} rates never did, and are left out"),
            "learning rate η (log scale)", $"epochs to reach loss < {Short(threshold)}");
        return all.Count == 0 ? chart : WithLogX(chart, (reached.Count > 0 ? reached.Select(r => r.LearningRate) : all.Select(r => r.LearningRate)), nameof(runs));
    }

    /// <summary>
    /// The learning-rate lab on one figure: drag the slider over the sweep's rates, and for the rate chosen see its loss
    /// curve (log-log, with the target drawn dashed), the decision boundary its network ended with over the plane (its
    /// predictions for up to 16 examples written beside them), and its regime in the title (<see cref="LearningRateSweep.Regimes"/>).
    /// Below, the U-shape: the epochs each rate needed to reach <paramref name="targetLoss"/>, coloured by regime, with the
    /// chosen rate marked. Rates that never reached it are drawn at the top, as triangles.
    /// </summary>
    /// <param name="runs">A sweep, as <see cref="Training.LearningRateSweep.Run"/> returns it (each run keeps its network).</param>
    /// <param name="X">The examples the sweep trained on, two inputs each.</param>
    /// <param name="y">Their targets.</param>
    /// <param name="targetLoss">The loss the U-shape counts the epochs to, and the regimes are judged by.</param>
    /// <param name="learningRate">Where the slider starts: the run whose rate is nearest (on a log scale); the first run when null.</param>
    /// <param name="resolution">The boundary's grid has resolution × resolution points (coarse, to keep the page small).</param>
    /// <remarks>
    /// Each frame keeps at most 151 points of the loss curve (<see cref="CurveSampling"/>: the first, lowest and highest
    /// of 50 log-spaced buckets of epochs) and every number to 4 significant digits: 41 rates make a chart of about 0.25 MB
    /// (plus plotly.js, 3.6 MB, when drawn offline).
    /// </remarks>
    /// <exception cref="ArgumentException">The sweep is empty, a run has no network, or X and y do not fit each other.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLoss"/> is not a finite number above 0, or <paramref name="resolution"/> is below 2.</exception>
    public static GenericChart LearningRateSlider(
        IEnumerable<SweepRun> runs, Matrix<double> X, Matrix<double> y, double targetLoss, double? learningRate = null, int resolution = 21)
    {
        Guard.NotNull(runs, nameof(runs));
        CheckPlane(X, y);
        Guard.PositiveFinite(targetLoss, nameof(targetLoss));
        Guard.AtLeast(resolution, 2, nameof(resolution));
        var sweep = runs.OrderBy(r => r.LearningRate).ToList();
        if (sweep.Count == 0)
        {
            throw new ArgumentException("runs must hold at least one run, but was empty.", nameof(runs));
        }
        if (sweep.Any(r => r.Network is null))
        {
            throw new ArgumentException("runs must each keep the network they trained (as LearningRateSweep.Run's runs do), but one had none.", nameof(runs));
        }
        var regimes = Training.LearningRateSweep.Regimes(sweep, targetLoss);
        var lab = new RateLab(sweep, regimes, X, y, targetLoss, resolution);
        var active = learningRate is { } rate
            ? Enumerable.Range(0, sweep.Count).MinBy(i => Math.Abs(Math.Log(sweep[i].LearningRate) - Math.Log(Math.Max(rate, double.Epsilon))))
            : 0;
        return lab.Chart(active);
    }

    /// <summary>A regime in words, for titles and legends.</summary>
    private static string Describe(LearningRateRegime regime) => regime switch
    {
        LearningRateRegime.TooSmall => "too small",
        LearningRateRegime.AboutRight => "about right",
        LearningRateRegime.Overshooting => "too large: overshooting",
        LearningRateRegime.Saturated => "too large: stuck, its neurons saturated",
        _ => "far too large: the weights overflowed",
    };

    /// <summary>The colour of a regime: grey, green, orange, red, black, from too small to far too large.</summary>
    private static string ColorOf(LearningRateRegime regime) => regime switch
    {
        LearningRateRegime.TooSmall => "#7f7f7f",
        LearningRateRegime.AboutRight => "#2ca02c",
        LearningRateRegime.Overshooting => "#ff7f0e",
        LearningRateRegime.Saturated => "#d62728",
        _ => "#000000",
    };

    /// <summary>The figure of <see cref="LearningRateSlider"/>: its traces, in a fixed order, and one slider step per rate.</summary>
    private sealed class RateLab(IReadOnlyList<SweepRun> sweep, IReadOnlyList<LearningRateRegime> regimes, Matrix<double> X, Matrix<double> y, double targetLoss, int resolution)
    {
        // The traces the slider changes: the loss curve, the boundary's heatmap, the marker of the chosen rate.
        private const int LossTrace = 0, BoundaryTrace = 2, ChosenTrace = 4;
        private readonly (double[] XAxis, double[] YAxis) _area = Area(X, resolution);
        private readonly int _epochs = sweep.Max(r => r.History.Epochs);
        private readonly bool _labelled = X.RowCount <= 16;

        public GenericChart Chart(int active)
        {
            var frames = Enumerable.Range(0, sweep.Count).Select(Frame).ToList();
            var start = frames[active];
            var (lossMin, lossMax) = LogAxis.Extent(sweep.SelectMany(r => r.History.Losses).Append(targetLoss), "runs");
            var rates = sweep.Select(r => r.LearningRate).ToArray();
            // The U line: through the rates that reached the target, in order.
            var reached = Enumerable.Range(0, sweep.Count).Where(i => sweep[i].EpochsToReach(targetLoss) is not null).ToArray();
            Trace[] traces =
            [
                Trace("scatter", WithValues(new() { ["mode"] = "lines", ["name"] = "loss", ["showlegend"] = false, ["line"] = new Dictionary<string, object> { ["width"] = 2.5 } }, start.Values[0])),
                Trace("scatter", new()
                {
                    ["mode"] = "lines", ["x"] = new[] { 1, Math.Max(_epochs, 2) }, ["y"] = new[] { targetLoss, targetLoss }, ["name"] = $"target loss {Short(targetLoss)}",
                    ["line"] = new Dictionary<string, object> { ["color"] = "#555555", ["dash"] = "dash", ["width"] = 1 }, ["hoverinfo"] = "name",
                }),
                HeatmapTrace((double[][])start.Values[1]["z"], _area.XAxis, _area.YAxis, "prediction", new Dictionary<string, object>(ProbabilityColors(showScale: true, ProbabilityScaleTitle))
                {
                    ["colorbar"] = new Dictionary<string, object>(ColorBar("prediction")) { ["len"] = 0.5, ["y"] = 1.0, ["yanchor"] = "top", ["x"] = 1.0 },
                }, axes: "2"),
                Trace("scatter", new()
                {
                    ["mode"] = "lines", ["x"] = reached.Select(i => rates[i]).ToArray(), ["y"] = reached.Select(i => EpochsShown(sweep[i])).ToArray(),
                    ["name"] = "epochs needed", ["xaxis"] = "x3", ["yaxis"] = "y3",
                    ["line"] = new Dictionary<string, object> { ["color"] = "#bbbbbb", ["width"] = 1.5 }, ["hoverinfo"] = "skip", ["showlegend"] = false,
                }),
                Trace("scatter", WithValues(new()
                {
                    ["mode"] = "lines", ["name"] = "the rate chosen", ["xaxis"] = "x3", ["yaxis"] = "y3", ["hoverinfo"] = "skip",
                    ["line"] = new Dictionary<string, object> { ["dash"] = "dot", ["width"] = 2 },
                }, start.Values[2])),
                .. TargetPointTraces(X, y, size: _labelled ? 14 : SmallestPoint, axes: "2"),
                .. Enum.GetValues<LearningRateRegime>().Select(RegimePoints),
            ];
            var layout = new Dictionary<string, object>
            {
                ["title"] = TitleOf(start.Title),
                ["margin"] = new Dictionary<string, object> { ["t"] = 90, ["l"] = 70, ["r"] = 30 },
                ["xaxis"] = new Dictionary<string, object>(LogAxis.Style(1, Math.Max(_epochs, 2))) { ["domain"] = new[] { 0.0, 0.5 }, ["anchor"] = "y", ["title"] = AxisTitle("epoch (log scale)") },
                ["yaxis"] = new Dictionary<string, object>(LogAxis.Style(lossMin, lossMax)) { ["domain"] = new[] { 0.5, 1.0 }, ["anchor"] = "x", ["title"] = AxisTitle($"loss ({sweep[0].History.LossName})") },
                ["xaxis2"] = new Dictionary<string, object> { ["domain"] = new[] { 0.62, 0.9 }, ["anchor"] = "y2", ["title"] = AxisTitle("x1"), ["constrain"] = "domain" },
                ["yaxis2"] = new Dictionary<string, object> { ["domain"] = new[] { 0.5, 1.0 }, ["anchor"] = "x2", ["title"] = AxisTitle("x2"), ["scaleanchor"] = "x2", ["constrain"] = "domain" },
                ["xaxis3"] = new Dictionary<string, object>(LogAxis.Style(rates[0], rates[^1] > rates[0] ? rates[^1] : rates[0] * 10)) { ["domain"] = new[] { 0.0, 0.9 }, ["anchor"] = "y3", ["title"] = AxisTitle("learning rate η (log scale)") },
                ["yaxis3"] = new Dictionary<string, object>(LogAxis.Style(Math.Max(1, sweep.Min(EpochsShown)), 1.5 * Math.Max(2, _epochs))) { ["domain"] = new[] { 0.0, 0.3 }, ["anchor"] = "x3", ["title"] = AxisTitle($"epochs to loss < {Short(targetLoss)}") },
                ["legend"] = new Dictionary<string, object> { ["orientation"] = "h", ["x"] = 0.0, ["y"] = 0.33, ["yanchor"] = "bottom" },
                // The slider spans the U-shape's width: its steps, evenly spaced, sit under their rates when these are log-spaced.
                ["sliders"] = new[] { Slider(frames.Select(f => f.Step).ToList(), active, "η = ", labelTicks: sweep.Count <= MostLegendEntries, x: 0, length: 0.9) },
            };
            if (_labelled)
            {
                layout["annotations"] = PredictionLabels(start.Predictions);
            }
            return Figure(traces, layout, width: 980, height: 860);
        }

        /// <summary>One rate's frame: what its slider step sets, and the title it starts with when it is the first shown.</summary>
        private (Dictionary<string, object>[] Values, double[] Predictions, string Title, Dictionary<string, object> Step) Frame(int i)
        {
            var run = sweep[i];
            var losses = run.History.Losses;
            var kept = CurveSampling.LogSpacedExtremes(losses, CurveBuckets).Where(e => e > 0).ToArray();
            var color = ColorOf(regimes[i]);
            var network = run.Network!;
            var boundary = PredictGrid(network.Predict, _area.XAxis, _area.YAxis);
            var predictions = Significant(network.Predict(X).Column(0));
            Dictionary<string, object> Values(object x, object yValues, object z) => new() { ["x"] = x, ["y"] = yValues, ["z"] = z, ["line.color"] = color };
            Dictionary<string, object>[] values =
            [
                Values(kept, Significant(kept.Select(e => losses[e])), Array.Empty<double>()),
                Values(Significant(_area.XAxis), Significant(_area.YAxis), boundary.Select(Significant).ToArray()),
                Values(new[] { run.LearningRate, run.LearningRate }, new[] { 1.0, Math.Max(2, _epochs) * 1.5 }, Array.Empty<double>()),
            ];
            var title = TitleFor(i);
            var layout = new Dictionary<string, object> { ["title.text"] = title };
            if (_labelled)
            {
                for (var k = 0; k < predictions.Length; k++)
                {
                    layout[$"annotations[{k}].text"] = Prediction(predictions[k]);
                }
            }
            var step = UpdateStep($"{Short(run.LearningRate)} ({Describe(regimes[i])})", [LossTrace, BoundaryTrace, ChosenTrace], values, layout);
            return (values, predictions, title, step);
        }

        private string TitleFor(int i)
        {
            var run = sweep[i];
            var losses = run.History.Losses;
            var reached = run.EpochsToReach(targetLoss);
            var journey = losses.Count == 0 ? "no epoch trained" : $"loss {Short(losses[0])} → {Short(losses[^1])} after {losses.Count} epochs";
            var when = run.Diverged is { } diverged ? $"; diverged at epoch {diverged.Epoch}"
                : reached is { } e ? $"; below {Short(targetLoss)} from epoch {e}"
                : $"; never below {Short(targetLoss)}";
            return Title($"η = {Short(run.LearningRate)}: {Describe(regimes[i])}", journey + when);
        }

        /// <summary>Where a run sits on the U-shape: the epochs it needed, or, when it never got there, the top of the axis.</summary>
        private int EpochsShown(SweepRun run) => run.EpochsToReach(targetLoss) ?? Math.Max(2, _epochs);

        private Trace RegimePoints(LearningRateRegime regime)
        {
            var members = Enumerable.Range(0, sweep.Count).Where(i => regimes[i] == regime).ToArray();
            return Trace("scatter", new()
            {
                ["mode"] = "markers",
                ["x"] = members.Select(i => sweep[i].LearningRate).ToArray(),
                ["y"] = members.Select(i => EpochsShown(sweep[i])).ToArray(),
                ["name"] = Describe(regime),
                ["xaxis"] = "x3",
                ["yaxis"] = "y3",
                ["text"] = members.Select(i => sweep[i].EpochsToReach(targetLoss) is { } e ? $"{e} epochs" : $"never, in {sweep[i].History.Epochs} epochs").ToArray(),
                ["hovertemplate"] = $"η = %{{x}}: %{{text}}<extra>{Describe(regime)}</extra>",
                ["marker"] = new Dictionary<string, object>
                {
                    ["color"] = ColorOf(regime),
                    ["size"] = 9,
                    ["symbol"] = members.Select(i => sweep[i].EpochsToReach(targetLoss) is null ? "triangle-up" : "circle").ToArray(),
                    ["line"] = new Dictionary<string, object> { ["color"] = "white", ["width"] = 1 },
                },
            });
        }

        /// <summary>Each example's prediction, written in a white box beside it on the boundary panel.</summary>
        private List<Dictionary<string, object>> PredictionLabels(double[] predictions) =>
            Enumerable.Range(0, X.RowCount).Select(k => new Dictionary<string, object>
            {
                ["text"] = Prediction(predictions[k]),
                ["x"] = X[k, 0],
                ["y"] = X[k, 1],
                ["xref"] = "x2",
                ["yref"] = "y2",
                ["showarrow"] = false,
                ["yshift"] = X[k, 1] > (_area.YAxis[0] + _area.YAxis[^1]) / 2 ? -22 : 22,
                ["bgcolor"] = "rgba(255,255,255,0.85)",
                ["bordercolor"] = "#555555",
                ["font"] = new Dictionary<string, object> { ["size"] = 12 },
            }).ToList();
    }

    /// <summary>A prediction for a label: three decimals, enough to tell 0.999 from 0.5.</summary>
    private static string Prediction(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a colour bar for the learning rates (log scale), in place of a legend too long to read.</summary>
    private static GenericChart WithRateColorBar(GenericChart chart, double slowest, double fastest)
    {
        var (ticks, labels) = LogAxis.Ticks(slowest, fastest);
        var bar = Trace("scatter", new()
        {
            ["mode"] = "markers",
            ["x"] = new double?[] { null },
            ["y"] = new double?[] { null },
            ["showlegend"] = false,
            ["hoverinfo"] = "skip",
            ["marker"] = new Dictionary<string, object>
            {
                ["color"] = new[] { Math.Log10(slowest) },
                ["cmin"] = Math.Log10(slowest),
                ["cmax"] = Math.Log10(fastest > slowest ? fastest : slowest * 10),
                ["colorscale"] = Palette.SequentialScale(),
                ["showscale"] = true,
                ["colorbar"] = new Dictionary<string, object>(ColorBar("learning rate η")) { ["tickvals"] = ticks.Select(Math.Log10).ToArray(), ["ticktext"] = labels },
            },
        });
        return WithLayout(GenericChart.combine([chart, GenericChart.ofTraceObjects(true, new[] { bar })]), new() { ["showlegend"] = false });
    }
}
