using NeuralNotebooks.Training;
using static NeuralNotebooks.Tests.Charts.ChartJson;

namespace NeuralNotebooks.Tests.Charts;

// This folder's namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

public class LossChartsTests
{
    private static readonly TrainingHistory WithTest =
        new([0.9, 0.5, 0.3, 0.2]) { TestLosses = [0.6, 0.45, 0.4, 0.42], LossName = "binary cross-entropy" };

    [Fact]
    public void A_history_with_test_losses_draws_train_solid_and_test_dashed_after_each_epoch()
    {
        var chart = new ChartJson(Charts.LossCurve(WithTest));

        Assert.Equal(["train", "test"], chart.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["solid", "dash"], chart.Traces.Select(t => At(t, "line.dash").GetString()));
        Assert.Equal([0, 1, 2, 3], Numbers(chart.Traces[0].GetProperty("x")));
        Assert.Equal([1, 2, 3, 4], Numbers(chart.Traces[1].GetProperty("x")));
        Assert.Equal([0.6, 0.45, 0.4, 0.42], Numbers(chart.Traces[1].GetProperty("y")));
        Assert.Equal("loss (binary cross-entropy)", At(chart.Layout, "yaxis.title.text").GetString());
        Assert.Contains("test", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_without_test_losses_draws_one_line_of_every_loss_exactly()
    {
        var losses = Enumerable.Range(0, 1000).Select(e => 0.25 / (1 + e / 7.0)).ToList();

        var chart = new ChartJson(Charts.LossCurve(new TrainingHistory(losses)));

        var line = Assert.Single(chart.Traces);
        Assert.Equal("loss", line.GetProperty("name").GetString());
        Assert.Equal(losses, Numbers(line.GetProperty("y")));
        Assert.Equal("loss (mean squared error)", At(chart.Layout, "yaxis.title.text").GetString());
    }

    [Fact]
    public void Several_runs_get_a_colour_each_their_test_line_dashed_in_the_same_colour()
    {
        var plain = new TrainingHistory([0.8, 0.4, 0.2]) { LossName = "binary cross-entropy" };
        var chart = new ChartJson(Charts.LossCurves([("sgd", WithTest), ("adam", plain), ("momentum", WithTest)]));

        Assert.Equal(["sgd", "sgd (test)", "adam", "momentum", "momentum (test)"], chart.Traces.Select(t => t.GetProperty("name").GetString()));
        var colors = chart.Traces.Select(t => At(t, "line.color").GetString()).ToList();
        Assert.Equal(colors[0], colors[1]);
        Assert.Equal(colors[3], colors[4]);
        Assert.Equal(3, colors.Distinct().Count());
        Assert.Equal(["solid", "dash", "solid", "solid", "dash"], chart.Traces.Select(t => At(t, "line.dash").GetString()));
        Assert.Equal("loss (binary cross-entropy)", At(chart.Layout, "yaxis.title.text").GetString());
    }

    [Fact]
    public void Runs_measuring_different_losses_share_a_plain_loss_label_on_a_readable_log_axis()
    {
        var mse = new TrainingHistory([0.25, 0.01, 0.0004]);

        var chart = new ChartJson(Charts.LossCurves([("bce", WithTest), ("mse", mse)]));

        var yAxis = chart.Layout.GetProperty("yaxis");
        Assert.Equal("loss", At(yAxis, "title.text").GetString());
        Assert.Equal("log", yAxis.GetProperty("type").GetString());
        Assert.Equal(["0.001", "0.01", "0.1"], Strings(yAxis.GetProperty("ticktext")));
    }

    [Fact]
    public void Eleven_unordered_runs_still_get_eleven_colours()
    {
        var runs = Enumerable.Range(1, 11).Select(i => ($"run {i}", new TrainingHistory([1.0 / i, 0.5 / i])));

        var chart = new ChartJson(Charts.LossCurves(runs));

        Assert.Equal(11, chart.Traces.Select(t => At(t, "line.color").GetString()).Distinct().Count());
    }
}
