using System.Text.Json;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using static NeuralNotebooks.Tests.Charts.ChartJson;

namespace NeuralNotebooks.Tests.Charts;

// This folder's namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

public class NetworkChartTests
{
    private const string Orange = "#f59322", Blue = "#0877bd";

    private static SimpleNeuralNetwork TrainedBlogNetwork()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        network.Train(Xor.Inputs, Xor.Targets, 3000, 1.0);
        return network;
    }

    [Fact]
    public void The_blogs_network_has_one_line_per_weight_coloured_by_its_sign_and_as_wide_as_its_size()
    {
        var network = TrainedBlogNetwork();
        var chart = new ChartJson(Charts.Network(network, [1, 0]));
        var lines = chart.Traces.Where(t => t.GetProperty("mode").GetString() == "lines").ToList();

        Assert.Equal(4 * 2 + 4, lines.Count);
        var weights = new List<(double Weight, JsonElement Line)>();
        foreach (var line in lines)
        {
            var (x, y) = (Numbers(line.GetProperty("x")), Numbers(line.GetProperty("y")));
            // Neuron k of a column of n is drawn at height (n − 1) / 2 − k.
            var (from, to) = ((int)Math.Round((x[0] == 0 ? 0.5 : 1.5) - y[0]), (int)Math.Round((x[0] == 0 ? 1.5 : 0) - y[^1]));
            weights.Add((x[0] == 0 ? network.Weights1[from, to] : network.Weights2[from, 0], line));
        }
        var largest = weights.Max(w => Math.Abs(w.Weight));
        Assert.All(weights, w =>
        {
            Assert.Equal(w.Weight >= 0 ? Orange : Blue, At(w.Line, "line.color").GetString());
            Assert.Equal(8 * Math.Abs(w.Weight) / largest, At(w.Line, "line.width").GetDouble(), 8 * 5e-4);
        });
    }

    [Fact]
    public void Each_neuron_is_filled_with_its_activation_for_the_input_and_outlined_by_its_biases_sign()
    {
        var network = TrainedBlogNetwork();
        var nodes = new ChartJson(Charts.Network(network, [1, 0])).Traces.Single(t => t.GetProperty("mode").GetString() == "markers");

        Assert.Equal([0, 0, 1, 1, 1, 1, 2], Numbers(nodes.GetProperty("x")));
        var hidden = Enumerable.Range(0, 4).Select(j => Sigmoid.Value(network.Weights1[0, j] + network.Bias1[0, j])).ToArray();
        var output = Sigmoid.Value(hidden.Select((a, j) => a * network.Weights2[j, 0]).Sum() + network.Bias2[0, 0]);
        var fill = Numbers(At(nodes, "marker.color"));
        Assert.Equal([1, 0], fill.Take(2));
        Assert.All(hidden.Append(output).Zip(fill.Skip(2)), p => Assert.Equal(p.First, p.Second, 5e-4));
        var outline = Strings(At(nodes, "marker.line.color"));
        var biases = Enumerable.Range(0, 4).Select(j => network.Bias1[0, j]).Append(network.Bias2[0, 0]);
        Assert.Equal(biases.Select(b => b >= 0 ? Orange : Blue), outline.Skip(2));
        Assert.Contains("bias", Strings(nodes.GetProperty("text"))[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_input_the_neurons_are_left_white_and_there_is_no_colour_bar()
    {
        var nodes = new ChartJson(Charts.Network(new SimpleNeuralNetwork(4, 42))).Traces[^1];

        Assert.Equal("white", At(nodes, "marker.color").GetString());
        Assert.False(At(nodes, "marker.showscale").GetBoolean());
    }

    [Fact]
    public void A_64_32_10_network_draws_only_its_64_strongest_weights_per_layer_and_says_so()
    {
        var network = NeuralNetwork.Create([64, 32, 10], Activation.ReLU, Activation.Softmax, Initializer.He, seed: 1);
        var chart = new ChartJson(Charts.Network(network));
        var lines = chart.Traces.Where(t => t.GetProperty("mode").GetString() == "lines").ToList();

        Assert.Equal(64 + 64, lines.Count);
        var firstLayer = lines.Where(l => l.GetProperty("x")[0].GetDouble() == 0).Select(l => At(l, "line.width").GetDouble()).ToList();
        var strongest = network.Layers[0].Weights.Enumerate().Select(Math.Abs).OrderDescending().Take(64).ToList();
        Assert.Equal(64, firstLayer.Count);
        // Widths are proportional to |w|, so the smallest width drawn belongs to the 64th strongest weight.
        Assert.Equal(strongest[^1] / strongest[0], firstLayer.Min() / firstLayer.Max(), 1e-3);
        Assert.Contains("64 of 2,048 into hidden 1, 64 of 320 into output", chart.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 2, 8, 8, 1 }, 16 + 64 + 8)]
    [InlineData(new[] { 2, 16, 16, 16, 1 }, 32 + 64 + 64 + 16)]
    public void Every_size_the_course_uses_gets_a_line_per_weight_up_to_64_between_two_layers(int[] sizes, int lines)
    {
        var network = NeuralNetwork.Create(sizes, Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed: 3);
        var chart = new ChartJson(Charts.Network(network, [0.5, -0.5]));

        Assert.Equal(lines, chart.Traces.Count(t => t.GetProperty("mode").GetString() == "lines"));
        Assert.Equal(sizes.Sum(), chart.Traces[^1].GetProperty("x").GetArrayLength());
        Assert.Equal(sizes.Length, chart.Layout.GetProperty("xaxis").GetProperty("ticktext").GetArrayLength());
    }

    [Fact]
    public void An_input_that_does_not_fit_the_network_is_rejected_naming_it()
    {
        var network = new SimpleNeuralNetwork(4, 42);

        Assert.Equal("input", Assert.Throws<ArgumentException>(() => Charts.Network(network, [1, 0, 1])).ParamName);
        Assert.Equal("input[1]", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Network(network, [1, double.NaN])).ParamName);
        Assert.Throws<ArgumentNullException>(() => Charts.Network((NeuralNetwork)null!));
    }
}

public class NetworkTrainingChartTests
{
    private const string Orange = "#f59322", Blue = "#0877bd";

    /// <summary>The blog's network trained 300 epochs at η = 1, its weights kept every 100.</summary>
    private static NetworkRecorder Recording()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        var recorder = new NetworkRecorder(network, every: 100);
        network.TrainStepByStep(Xor.Inputs, Xor.Targets, 300, 1.0, recorder.Record);
        return recorder;
    }

    [Fact]
    public void The_slider_has_one_step_per_snapshot_and_starts_at_the_last()
    {
        var chart = new ChartJson(Charts.NetworkTraining(Recording(), [1, 0]));

        Assert.Equal(["0", "100", "200", "300"], chart.Steps.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(3, chart.Layout.GetProperty("sliders")[0].GetProperty("active").GetInt32());
        Assert.Contains("after 300 epochs", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_step_sets_every_line_to_its_weight_at_that_epoch_on_one_scale_for_all_epochs()
    {
        var recording = Recording();
        var chart = new ChartJson(Charts.NetworkTraining(recording, [1, 0]));
        var largest = recording.Snapshots.Max(s => Math.Max(s.Weights[0].Enumerate().Max(Math.Abs), s.Weights[1].Enumerate().Max(Math.Abs)));

        foreach (var (step, snapshot) in chart.Steps.Zip(recording.Snapshots))
        {
            var args = step.GetProperty("args");
            var widths = args[0].GetProperty("line.width");
            var colors = args[0].GetProperty("line.color");
            // The first 8 lines are W1, input by input; the next 4 are W2.
            var weights = snapshot.Weights[0].ToRowMajorArray().Concat(snapshot.Weights[1].ToColumnMajorArray()).ToArray();
            Assert.Equal(12, weights.Length);
            for (var k = 0; k < 12; k++)
            {
                Assert.Equal(8 * Math.Abs(weights[k]) / largest, widths[k].GetDouble(), 8 * 5e-4);
                Assert.Equal(weights[k] >= 0 ? Orange : Blue, colors[k].GetString());
            }
            Assert.Contains($"after {snapshot.Epoch} epochs", args[1].GetProperty("title.text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_step_draws_the_loss_curve_up_to_its_epoch_and_no_further()
    {
        var recording = Recording();
        var chart = new ChartJson(Charts.NetworkTraining(recording, [1, 0]));

        foreach (var (step, snapshot) in chart.Steps.Zip(recording.Snapshots))
        {
            var data = step.GetProperty("args")[0];
            // Traces 0–11 are the lines, 12 the neurons, 13 the loss so far.
            var epochs = Numbers(data.GetProperty("x")[13]);
            var losses = Numbers(data.GetProperty("y")[13]);
            if (snapshot.Epoch == 0)
            {
                Assert.Empty(epochs);
                continue;
            }
            Assert.Equal(snapshot.Epoch - 1, epochs[^1]);
            Assert.Equal(recording.Losses[snapshot.Epoch - 1], losses[^1], recording.Losses[snapshot.Epoch - 1] * 5e-4);
        }
    }

    [Fact]
    public void A_long_recording_gets_at_most_40_steps_spread_evenly_on_a_log_scale_of_epochs()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        var recorder = new NetworkRecorder(network, every: 10);
        network.TrainStepByStep(Xor.Inputs, Xor.Targets, 1000, 1.0, recorder.Record);

        var epochs = new ChartJson(Charts.NetworkTraining(recorder)).Steps.Select(s => int.Parse(s.GetProperty("label").GetString()!, null)).ToList();

        Assert.Equal(101, recorder.Snapshots.Count);
        Assert.InRange(epochs.Count, 2, 40);
        Assert.Equal(0, epochs[0]);
        Assert.Equal(1000, epochs[^1]);
        Assert.Equal(epochs.Order(), epochs);
        // Steps even on log(1 + epoch) are further apart than the snapshots only after epoch 50: every snapshot before is a step.
        Assert.Equal([10, 20, 30, 40, 50], epochs.Where(e => e is > 0 and <= 50));
        // The gaps between steps only grow (even on a linear scale they would stay the same), and the first tenth of the
        // epochs gets at least a third of the steps.
        var gaps = epochs.Zip(epochs.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(gaps.Order(), gaps);
        Assert.True(3 * epochs.Count(e => e <= 100) >= epochs.Count, $"{epochs.Count(e => e <= 100)} of {epochs.Count} steps in the first 100 epochs");
    }

    [Fact]
    public void A_recorder_that_saw_no_training_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.NetworkTraining(new NetworkRecorder(new SimpleNeuralNetwork(4, 42), every: 10)));

        Assert.Equal("recording", e.ParamName);
    }
}
