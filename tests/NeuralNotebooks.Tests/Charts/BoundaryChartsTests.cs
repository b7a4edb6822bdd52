using NeuralNotebooks.Activations;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;
using static NeuralNotebooks.Tests.Charts.ChartJson;

namespace NeuralNotebooks.Tests.Charts;

// This folder's namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

public class BoundaryChartsTests
{
    private static readonly Dataset Circle = Datasets.Circle(100, 0.05, seed: 1);

    private static NeuralNetwork Network(long seed) => NeuralNetwork.Create([2, 6, 1], Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed);

    [Fact]
    public void Side_by_side_boundaries_share_one_titled_colour_bar_pinned_to_0_and_1()
    {
        var chart = new ChartJson(Charts.DecisionBoundaries([("a", Network(1)), ("b", Network(2)), ("c", Network(3))], Circle));
        var heatmaps = chart.Traces.Where(t => t.GetProperty("type").GetString() == "heatmap").ToList();

        Assert.Equal(3, heatmaps.Count);
        Assert.Single(heatmaps, h => h.GetProperty("showscale").GetBoolean());
        Assert.All(heatmaps, h => Assert.Equal((0.0, 1.0), (h.GetProperty("zmin").GetDouble(), h.GetProperty("zmax").GetDouble())));
        Assert.Contains("prediction", At(heatmaps[0], "colorbar.title.text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_points_are_dark_with_a_white_outline_so_they_show_on_red_on_blue_and_between()
    {
        var chart = new ChartJson(Charts.DecisionBoundaries([("a", Network(1))], Circle));
        var points = chart.Traces.Where(t => t.GetProperty("type").GetString() == "scatter").ToList();

        Assert.Equal(["target 0", "target 1"], points.Select(p => p.GetProperty("name").GetString()));
        Assert.All(points, p =>
        {
            Assert.Equal("white", At(p, "marker.line.color").GetString());
            Assert.True(At(p, "marker.line.width").GetDouble() >= 1.5);
            Assert.True(At(p, "marker.size").GetDouble() >= 7);
        });
        Assert.Equal(["#00008b", "#8b0000"], points.Select(p => At(p, "marker.color").GetString()));
    }

    [Fact]
    public void Hidden_unit_maps_share_one_colour_scale_from_the_layers_lowest_to_highest_activation()
    {
        var network = Network(4);
        var chart = new ChartJson(Charts.HiddenUnits(network, 1, Circle));
        var activations = network.Forward(Circle.X).Activations[1];

        Assert.Equal(6, chart.Traces.Count);
        Assert.Single(chart.Traces, h => h.GetProperty("showscale").GetBoolean());
        Assert.Single(chart.Traces.Select(h => (h.GetProperty("zmin").GetDouble(), h.GetProperty("zmax").GetDouble())).Distinct());
        Assert.True(chart.Traces[0].GetProperty("zmax").GetDouble() >= activations.Enumerate().Max() - 1e-3);
        Assert.Equal("activation (tanh)", At(chart.Traces[0], "colorbar.title.text").GetString());
    }

    [Fact]
    public void The_boundary_animation_keeps_one_heatmap_per_frame_the_last_shown_and_a_titled_colour_bar()
    {
        var network = Network(5);
        var recorder = new BoundaryRecorder(network, Circle, every: 10);
        network.Train(Circle.X, Circle.y, NeuralNotebooks.Losses.Loss.BinaryCrossEntropy, new() { Epochs = 25 }, recorder.Record);

        var chart = new ChartJson(Charts.BoundaryAnimation(recorder));

        var heatmaps = chart.Traces.Where(t => t.GetProperty("type").GetString() == "heatmap").ToList();
        Assert.Equal(recorder.Frames.Count, heatmaps.Count);
        Assert.Equal(heatmaps.Select((_, i) => i == heatmaps.Count - 1), heatmaps.Select(h => h.GetProperty("visible").GetBoolean()));
        Assert.Contains("prediction", At(heatmaps[^1], "colorbar.title.text").GetString(), StringComparison.Ordinal);
        Assert.Equal(recorder.Frames.Count, chart.Steps.Count);
    }
}
