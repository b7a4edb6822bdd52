using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Network;
using Plotly.NET;

namespace NeuralNotebooks.Charts;

// The network drawn from its weights, as TensorFlow Playground draws it, and its weights changing over the epochs.
public static partial class Charts
{
    /// <summary>Networks with at most this many weights drawn get the widest lines.</summary>
    private const int FewLines = 40;

    /// <summary>Slider steps kept at most: enough to watch training, few enough to keep the page small.</summary>
    private const int MostFrames = 40;

    /// <summary>
    /// The network drawn from its weights: its neurons as circles in one column per layer, every weight as a line
    /// from one neuron to the next whose colour is its sign (orange positive, blue negative, as TensorFlow Playground
    /// draws them) and whose width is proportional to its size. Each neuron's outline is its bias (colour: its sign,
    /// width: its size). Given an <paramref name="input"/> (one example, such as (1, 0)), each neuron is filled with its
    /// activation for that input, on the same orange-blue scale; hover over a neuron or a line for its numbers.
    /// </summary>
    /// <param name="network">The network to draw.</param>
    /// <param name="input">One example's inputs, one per input neuron; null to leave the neurons unfilled.</param>
    /// <param name="mostWeightsPerLayer">Between two layers with more weights than this, only this many of the strongest are
    /// drawn (the title says so): a 64-32-10 network has 2,048 weights in its first layer.</param>
    /// <remarks>A line's width is 8 px × |w| / max|w| (5 px when more than 40 lines are drawn), max over the lines drawn.</remarks>
    /// <exception cref="ArgumentException">The input does not have one value per input neuron, or holds NaN or infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mostWeightsPerLayer"/> is below 1.</exception>
    public static GenericChart Network(NeuralNetwork network, IReadOnlyList<double>? input = null, int mostWeightsPerLayer = 64)
    {
        Guard.NotNull(network, nameof(network));
        Guard.AtLeast(mostWeightsPerLayer, 1, nameof(mostWeightsPerLayer));
        CheckInput(network, input);
        var state = NetworkState.Of(network, input);
        var picture = new NetworkPicture(network, [state], mostWeightsPerLayer, share: 1);
        var traces = picture.Traces(state);
        var layout = picture.Layout();
        layout["title"] = TitleOf($"The network {string.Join("-", network.Sizes)}{InputText(input)}", picture.Legend(input is not null));
        return Figure(traces, layout, width: picture.Width, height: picture.Height);
    }

    /// <summary>The blog's network drawn from its weights: see <see cref="Network(NeuralNetwork, IReadOnlyList{double}?, int)"/>.</summary>
    /// <exception cref="ArgumentException">The input does not have two values, or holds NaN or infinity.</exception>
    public static GenericChart Network(SimpleNeuralNetwork network, IReadOnlyList<double>? input = null)
    {
        Guard.NotNull(network, nameof(network));
        return Network(network.Network, input);
    }

    /// <summary>
    /// Training, replayed with a slider as TensorFlow Playground shows it: for each snapshot the recorder kept, the network
    /// drawn from its weights at that point (as <see cref="Network(NeuralNetwork, IReadOnlyList{double}?, int)"/> draws it,
    /// on one scale for all snapshots, so growing weights grow thicker) beside the loss curve up to that epoch, on a log
    /// scale of epochs (a run's first hundred epochs often hold its whole story: a plateau, then a drop).
    /// </summary>
    /// <param name="recording">A recorder that was passed as the training's per-epoch callback.</param>
    /// <param name="input">One example's inputs, to fill each neuron with its activation; null to leave them unfilled.</param>
    /// <param name="mostWeightsPerLayer">Between two layers with more weights, only this many are drawn: those that were
    /// strongest at some snapshot.</param>
    /// <remarks>
    /// At most 40 snapshots become slider steps, chosen evenly on a log scale of the epochs (by log(1 + epoch), always the
    /// first and the last): record often (every 10 epochs of 10,000, say) and the early epochs get as many steps as the late.
    /// </remarks>
    /// <exception cref="ArgumentException">Nothing was trained yet, or the input does not fit the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mostWeightsPerLayer"/> is below 1.</exception>
    public static GenericChart NetworkTraining(NetworkRecorder recording, IReadOnlyList<double>? input = null, int mostWeightsPerLayer = 64)
    {
        Guard.NotNull(recording, nameof(recording));
        Guard.AtLeast(mostWeightsPerLayer, 1, nameof(mostWeightsPerLayer));
        CheckInput(recording.Network, input);
        if (recording.Losses.Count == 0)
        {
            throw new ArgumentException("recording must have recorded at least one epoch, but had none: train with onEpoch: recorder.Record.", nameof(recording));
        }
        var snapshots = LogSpaced(recording.Snapshots, MostFrames);
        var states = snapshots.Select(s => NetworkState.Of(recording.Network, s, input)).ToList();
        var picture = new NetworkPicture(recording.Network, states, mostWeightsPerLayer, share: 0.6);
        var losses = recording.Losses;
        var kept = CurveSampling.LogSpacedExtremes(losses, CurveBuckets);
        var lossLabel = recording.LossName is null ? "loss" : $"loss ({recording.LossName})";
        int[] SoFar(int epochs) => kept.Where(e => e < epochs).Append(epochs - 1).Where(e => e >= 0).Distinct().ToArray();
        Dictionary<string, object> LossValues(int epochs)
        {
            var points = SoFar(epochs);
            return picture.Dummy(points, Significant(points.Select(e => losses[e])), Palette.Qualitative[3]);
        }
        var last = states.Count - 1;
        var traces = picture.Traces(states[last]).ToList();
        var dynamic = Enumerable.Range(0, traces.Count).ToList();
        traces.Add(Trace("scatter", new()
        {
            ["mode"] = "lines", ["x"] = kept, ["y"] = Significant(kept.Select(e => losses[e])), ["xaxis"] = "x2", ["yaxis"] = "y2",
            ["name"] = "the whole run", ["line"] = new Dictionary<string, object> { ["color"] = "#cccccc", ["width"] = 2 }, ["hoverinfo"] = "skip",
        }));
        dynamic.Add(traces.Count);
        traces.Add(Trace("scatter", WithValues(new()
        {
            ["mode"] = "lines", ["xaxis"] = "x2", ["yaxis"] = "y2", ["name"] = "so far", ["hovertemplate"] = "epoch %{x}: loss %{y}<extra></extra>",
        }, LossValues(snapshots[last].Epoch))));
        string TitleAt(int i) => Title(
            $"The network {string.Join("-", recording.Network.Sizes)} after {snapshots[i].Epoch} epochs{InputText(input)}",
            (snapshots[i].Epoch == 0 ? "before training" : $"loss {Short(losses[snapshots[i].Epoch - 1])} at epoch {snapshots[i].Epoch - 1}") + "<br>" + picture.Legend(input is not null));
        var steps = Enumerable.Range(0, states.Count).Select(i => UpdateStep(
            snapshots[i].Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            dynamic,
            [.. picture.Values(states[i]), LossValues(snapshots[i].Epoch)],
            new() { ["title.text"] = TitleAt(i) })).ToList();
        var layout = picture.Layout();
        var (lossMin, lossMax) = LogAxis.Extent(losses, nameof(recording));
        // Epoch 0 has no place on a log axis: plotly.js leaves its point out.
        layout["xaxis2"] = new Dictionary<string, object>(LogAxis.Style(1, Math.Max(2, losses.Count))) { ["domain"] = new[] { 0.76, 1.0 }, ["anchor"] = "y2", ["title"] = AxisTitle("epoch (log scale)") };
        layout["yaxis2"] = new Dictionary<string, object>(LogAxis.Style(lossMin, lossMax)) { ["anchor"] = "x2", ["title"] = AxisTitle(lossLabel) };
        layout["title"] = TitleOf(TitleAt(last));
        layout["showlegend"] = false;
        // The gap keeps the slider clear of the layers' names under the network.
        layout["sliders"] = new[] { Slider(steps, last, "epochs trained: ", labelTicks: states.Count <= 12, gap: 60) };
        return Figure(traces, layout, width: picture.Width, height: picture.Height + 130);
    }

    private static string InputText(IReadOnlyList<double>? input) =>
        input is null ? "" : input.Count <= 4 ? $", for the input ({string.Join(", ", input.Select(Short))})" : ", for the input given";

    private static void CheckInput(NeuralNetwork network, IReadOnlyList<double>? input)
    {
        if (input is null)
        {
            return;
        }
        if (input.Count != network.Layers[0].Inputs)
        {
            throw new ArgumentException($"input must have one value per input neuron ({network.Layers[0].Inputs}), but had {input.Count}.", nameof(input));
        }
        for (var i = 0; i < input.Count; i++)
        {
            Guard.Finite(input[i], $"input[{i}]");
        }
    }

    /// <summary>
    /// At most <paramref name="most"/> of the snapshots (in epoch order), those nearest to evenly spread points of
    /// log(1 + epoch), always with the first and the last; fewer when several points are nearest the same snapshot.
    /// </summary>
    private static IReadOnlyList<NetworkSnapshot> LogSpaced(IReadOnlyList<NetworkSnapshot> snapshots, int most)
    {
        if (snapshots.Count <= most)
        {
            return snapshots;
        }
        var (first, last) = (Math.Log(1 + snapshots[0].Epoch), Math.Log(1 + snapshots[^1].Epoch));
        return Enumerable.Range(0, most)
            .Select(i => first + (last - first) * i / (most - 1))
            .Select(target => Enumerable.Range(0, snapshots.Count).MinBy(k => Math.Abs(Math.Log(1 + snapshots[k].Epoch) - target)))
            .Distinct().Select(k => snapshots[k]).ToList();
    }

    /// <summary>A network's weights and biases at one moment, and its neurons' activations for the input (or null).</summary>
    private sealed record NetworkState(IReadOnlyList<Matrix<double>> Weights, IReadOnlyList<Matrix<double>> Biases, IReadOnlyList<double[]>? Activations)
    {
        public static NetworkState Of(NeuralNetwork network, IReadOnlyList<double>? input) =>
            new(network.Layers.Select(l => l.Weights).ToList(), network.Layers.Select(l => l.Bias).ToList(), ActivationsOf(network, input));

        public static NetworkState Of(NeuralNetwork shape, NetworkSnapshot snapshot, IReadOnlyList<double>? input)
        {
            var network = new NeuralNetwork(shape.Layers.Select((l, i) => new DenseLayer(snapshot.Weights[i], snapshot.Biases[i], l.Activation)));
            return Of(network, input);
        }

        private static IReadOnlyList<double[]>? ActivationsOf(NeuralNetwork network, IReadOnlyList<double>? input) =>
            input is null ? null : network.Forward(Matrix<double>.Build.DenseOfRowArrays(input.ToArray())).Activations.Select(a => a.Row(0).ToArray()).ToList();
    }

    /// <summary>
    /// Where each neuron and line of a network goes, which weights are drawn, and the scales every state shares; then the
    /// traces (lines first, then one trace of all neurons) and the values a state gives them.
    /// </summary>
    private sealed class NetworkPicture
    {
        private const double NodeSpacing = 1.0;
        private readonly IReadOnlyList<int> _sizes;
        private readonly IReadOnlyList<Activation> _activations;
        private readonly List<(int Layer, int From, int To)> _edges = [];
        private readonly int[] _drawn;
        private readonly double _largestWeight, _largestBias, _largestActivation, _widest;
        private readonly int _tallest;
        private readonly double _share;

        /// <summary>The picture of <paramref name="network"/> in its <paramref name="states"/>, on the left <paramref name="share"/> of the figure.</summary>
        public NetworkPicture(NeuralNetwork network, IReadOnlyList<NetworkState> states, int mostPerLayer, double share)
        {
            _share = share;
            _sizes = network.Sizes;
            _activations = network.Layers.Select(l => l.Activation).ToList();
            _drawn = new int[network.Layers.Count];
            for (var l = 0; l < network.Layers.Count; l++)
            {
                var layer = network.Layers[l];
                // The weights strongest at some moment, at most mostPerLayer of them.
                var strongest = Enumerable.Range(0, layer.Inputs).SelectMany(i => Enumerable.Range(0, layer.Outputs).Select(j => (Layer: l, From: i, To: j)))
                    .OrderByDescending(e => states.Max(s => Math.Abs(s.Weights[l][e.From, e.To])))
                    .Take(mostPerLayer).OrderBy(e => e.From).ThenBy(e => e.To).ToList();
                _edges.AddRange(strongest);
                _drawn[l] = strongest.Count;
            }
            _largestWeight = Largest(_edges.SelectMany(e => states.Select(s => s.Weights[e.Layer][e.From, e.To])));
            _largestBias = Largest(states.SelectMany(s => s.Biases.SelectMany(b => b.Enumerate())));
            _largestActivation = Math.Max(1, Largest(states.SelectMany(s => s.Activations?.SelectMany(a => a) ?? [])));
            _widest = _edges.Count <= FewLines ? 8 : 5;
            _tallest = _sizes.Max();
        }

        public int Height => (int)Math.Clamp(140 + 24 * _tallest, 460, 760);

        /// <summary>The figure's width: the network's panel is its share of it.</summary>
        public int Width => (int)(Math.Clamp(180 * _sizes.Count, 600, 900) / _share);

        private double NodeSize => Math.Clamp(0.6 * (Height - 180) / _tallest, 5, 30);

        /// <summary>The lines' traces, then the neurons' trace, for the state.</summary>
        public IEnumerable<Trace> Traces(NetworkState state)
        {
            var values = Values(state);
            for (var k = 0; k < _edges.Count; k++)
            {
                yield return Trace("scatter", WithValues(new() { ["mode"] = "lines", ["hoverinfo"] = "text", ["opacity"] = 0.85, ["showlegend"] = false }, values[k]));
            }
            var nodes = new Dictionary<string, object>
            {
                ["mode"] = "markers",
                ["hoverinfo"] = "text",
                ["showlegend"] = false,
                ["marker"] = new Dictionary<string, object>
                {
                    ["size"] = NodeSize,
                    ["colorscale"] = Palette.Signed,
                    ["cmin"] = -_largestActivation,
                    ["cmax"] = _largestActivation,
                    ["showscale"] = state.Activations is not null,
                    ["colorbar"] = new Dictionary<string, object>(ColorBar("activation")) { ["len"] = 0.6, ["x"] = _share + 0.01 },
                },
            };
            yield return Trace("scatter", WithValues(nodes, values[^1]));
        }

        /// <summary>
        /// What the state sets on each trace, in <see cref="Traces"/>'s order: every trace gets the same attributes (see
        /// <see cref="UpdateStep"/>); a line's marker and a neuron's line are set to values they ignore.
        /// </summary>
        public List<Dictionary<string, object>> Values(NetworkState state)
        {
            var values = _edges.Select(e =>
            {
                var w = state.Weights[e.Layer][e.From, e.To];
                var (x0, y0) = Position(e.Layer, e.From);
                var (x1, y1) = Position(e.Layer + 1, e.To);
                var color = w >= 0 ? Palette.Positive : Palette.Negative;
                var text = $"weight {Short(w)}<br>{NeuronName(e.Layer, e.From)} → {NeuronName(e.Layer + 1, e.To)}";
                return new Dictionary<string, object>
                {
                    // A middle point, so hovering anywhere along the line finds it.
                    ["x"] = new[] { x0, (x0 + x1) / 2, x1 },
                    ["y"] = new[] { y0, (y0 + y1) / 2, y1 },
                    ["line.width"] = Significant(_widest * Math.Abs(w) / _largestWeight),
                    ["line.color"] = color,
                    ["marker.color"] = color,
                    ["marker.line.color"] = color,
                    ["marker.line.width"] = 0,
                    ["text"] = new[] { text, text, text },
                };
            }).ToList();
            var nodes = Enumerable.Range(0, _sizes.Count).SelectMany(l => Enumerable.Range(0, _sizes[l]).Select(j => (Layer: l, Index: j))).ToList();
            double? Bias(int l, int j) => l == 0 ? null : state.Biases[l - 1][0, j];
            values.Add(new Dictionary<string, object>
            {
                ["x"] = nodes.Select(n => Position(n.Layer, n.Index).X).ToArray(),
                ["y"] = nodes.Select(n => Position(n.Layer, n.Index).Y).ToArray(),
                ["line.width"] = 0,
                ["line.color"] = "white",
                ["marker.color"] = state.Activations is { } a ? nodes.Select(n => Significant(a[n.Layer][n.Index])).ToArray() : "white",
                ["marker.line.color"] = nodes.Select(n => Bias(n.Layer, n.Index) is { } b ? (b >= 0 ? Palette.Positive : Palette.Negative) : "#999999").ToArray(),
                ["marker.line.width"] = nodes.Select(n => Bias(n.Layer, n.Index) is { } b ? Significant(1 + 4 * Math.Abs(b) / _largestBias) : 1.0).ToArray(),
                ["text"] = nodes.Select(n => NodeText(state, n.Layer, n.Index, Bias(n.Layer, n.Index))).ToArray(),
            });
            return values;
        }

        /// <summary>Values for another trace changed by the same slider step: its points and colour, the rest harmless.</summary>
        public Dictionary<string, object> Dummy(Array x, Array y, string color) => new()
        {
            ["x"] = x, ["y"] = y, ["line.width"] = 2.5, ["line.color"] = color, ["marker.color"] = color,
            ["marker.line.color"] = color, ["marker.line.width"] = 0, ["text"] = Array.Empty<string>(),
        };

        /// <summary>The network panel's axes (x, y): one column per layer, named below it; no y axis.</summary>
        public Dictionary<string, object> Layout() => new()
        {
            ["xaxis"] = new Dictionary<string, object>
            {
                ["domain"] = new[] { 0.0, _share },
                ["tickmode"] = "array",
                ["tickvals"] = Enumerable.Range(0, _sizes.Count).ToArray(),
                ["ticktext"] = Enumerable.Range(0, _sizes.Count).Select(LayerLabel).ToArray(),
                ["showgrid"] = false, ["zeroline"] = false,
                ["range"] = new[] { -0.4, _sizes.Count - 0.6 },
            },
            ["yaxis"] = new Dictionary<string, object>
            {
                ["visible"] = false, ["range"] = new[] { -(_tallest / 2.0 + 0.2), _tallest / 2.0 + 0.2 },
            },
            ["plot_bgcolor"] = "white",
            ["margin"] = new Dictionary<string, object> { ["t"] = 120, ["l"] = 30, ["r"] = 30 },
        };

        /// <summary>How to read the picture, and which weights were left out.</summary>
        public string Legend(bool filled)
        {
            var thinned = Enumerable.Range(0, _drawn.Length).Where(l => _drawn[l] < _sizes[l] * _sizes[l + 1]).ToList();
            var note = thinned.Count == 0 ? "" : "<br>only the strongest weights are drawn: " + string.Join(", ", thinned.Select(l => $"{_drawn[l]} of {_sizes[l] * _sizes[l + 1]:N0} into {LayerName(l + 1)}"));
            return $"lines: weights, orange positive, blue negative, width ∝ |weight|; outline: bias{(filled ? "; fill: activation" : "")}{note}";
        }

        private (double X, double Y) Position(int layer, int index) => (layer, ((_sizes[layer] - 1) / 2.0 - index) * NodeSpacing);

        private string LayerName(int layer) => layer == 0 ? "input" : layer == _sizes.Count - 1 ? "output" : $"hidden {layer}";

        private string LayerLabel(int layer) =>
            layer == 0 ? $"input<br>{_sizes[0]}" : $"{LayerName(layer)}<br>{_sizes[layer]} {_activations[layer - 1].Name}";

        private string NeuronName(int layer, int index) => $"{LayerName(layer)} {index + 1}";

        private string NodeText(NetworkState state, int layer, int index, double? bias)
        {
            var lines = new List<string> { NeuronName(layer, index) };
            if (bias is { } b)
            {
                lines.Add($"bias {Short(b)}");
            }
            if (state.Activations is { } a)
            {
                lines.Add(layer == 0 ? $"input value {Short(a[0][index])}" : $"activation {Short(a[layer][index])}");
            }
            return string.Join("<br>", lines);
        }

        private static double Largest(IEnumerable<double> values) => values.Select(Math.Abs).DefaultIfEmpty(0).Max() is var m && m > 0 ? m : 1;
    }
}
