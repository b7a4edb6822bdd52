using System.Globalization;
using System.Text.Json;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Training;
using static NeuralNotebooks.Tests.Charts.ChartJson;

namespace NeuralNotebooks.Tests.Charts;

// This folder's namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

public class SweepChartsTests
{
    private const double Target = 0.01;

    /// <summary>The blog's network swept over 41 rates from 0.01 to 100 (ten per decade), 3000 epochs each.</summary>
    private static readonly IReadOnlyList<SweepRun> Runs = LearningRateSweep.Run(LearningRateSweep.LogSpaced(0.01, 100, 41), Xor.Inputs, Xor.Targets, 3000);
    private static readonly ChartJson Slider = new(Charts.LearningRateSlider(Runs, Xor.Inputs, Xor.Targets, Target, learningRate: 0.5));

    [Fact]
    public void The_slider_has_one_step_per_rate_labelled_with_the_rate_and_its_regime()
    {
        var labels = Slider.Steps.Select(s => s.GetProperty("label").GetString()).ToList();

        Assert.Equal(41, labels.Count);
        Assert.Equal("0.01 (too small)", labels[0]);
        Assert.Equal("10 (about right)", labels[30]);
        Assert.Equal("100 (too large: stuck, its neurons saturated)", labels[^1]);
    }

    [Fact]
    public void Each_step_shows_its_rates_loss_curve_decimated_to_at_most_151_points_of_its_real_losses()
    {
        foreach (var (step, run) in Slider.Steps.Zip(Runs))
        {
            var args = step.GetProperty("args");
            Assert.Equal([0, 2, 4], args[2].EnumerateArray().Select(i => i.GetInt32()));
            var epochs = Numbers(args[0].GetProperty("x")[0]);
            var losses = Numbers(args[0].GetProperty("y")[0]);
            Assert.InRange(epochs.Length, 50, 151);
            Assert.Equal(1, epochs[0]);
            Assert.Equal(2999, epochs[^1]);
            for (var k = 0; k < epochs.Length; k++)
            {
                var real = run.History.Losses[(int)epochs[k]];
                Assert.Equal(real, losses[k], Math.Abs(real) * 5e-4);
            }
        }
    }

    [Fact]
    public void Each_step_shows_the_boundary_its_rates_network_ended_with_on_a_21_by_21_grid()
    {
        foreach (var i in new[] { 0, 17, 30, 40 })
        {
            var z = Slider.Steps[i].GetProperty("args")[0].GetProperty("z")[1];
            Assert.Equal(21, z.GetArrayLength());
            for (var r = 0; r < 21; r += 5)
            {
                for (var c = 0; c < 21; c += 4)
                {
                    var expected = Runs[i].Network!.Predict(c / 20.0, r / 20.0);
                    Assert.Equal(expected, z[r][c].GetDouble(), expected * 5e-4);
                }
            }
        }
    }

    [Fact]
    public void Each_step_writes_the_four_predictions_and_names_the_regime_in_the_title()
    {
        var steps = Slider.Steps;
        foreach (var (i, regime) in new[] { (0, "too small"), (17, "about right"), (35, "overshooting"), (40, "stuck") })
        {
            var layout = steps[i].GetProperty("args")[1];
            Assert.Contains(regime, layout.GetProperty("title.text").GetString(), StringComparison.Ordinal);
            var predictions = Enumerable.Range(0, 4).Select(k => layout.GetProperty($"annotations[{k}].text").GetString());
            var network = Runs[i].Network!;
            Assert.Equal(
                new[] { (0, 0), (0, 1), (1, 0), (1, 1) }.Select(p => network.Predict(p.Item1, p.Item2).ToString("0.000", CultureInfo.InvariantCulture)),
                predictions);
        }
    }

    [Fact]
    public void The_slider_starts_at_the_rate_nearest_the_one_asked_for_and_draws_that_rate_first()
    {
        var active = Slider.Layout.GetProperty("sliders")[0].GetProperty("active").GetInt32();

        Assert.Equal(17, active);   // 0.501, the nearest of the 41 rates to 0.5
        Assert.StartsWith("η = 0.5012: about right", Slider.Title, StringComparison.Ordinal);
        var step = Slider.Steps[17].GetProperty("args")[0];
        Assert.Equal(Numbers(step.GetProperty("y")[0]), Numbers(Slider.Traces[0].GetProperty("y")));
        Assert.Equal(step.GetProperty("z")[1].ToString(), Slider.Traces[2].GetProperty("z").ToString());
    }

    [Fact]
    public void The_U_shape_puts_every_rate_at_the_epochs_it_needed_coloured_by_regime_and_marks_the_chosen_rate()
    {
        var regimes = Slider.Traces.Where(t => t.TryGetProperty("xaxis", out var axis) && axis.GetString() == "x3" && t.GetProperty("mode").GetString() == "markers").ToList();

        Assert.Equal(["too small", "about right", "too large: overshooting", "too large: stuck, its neurons saturated", "far too large: the weights overflowed"],
            regimes.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(41, regimes.Sum(t => t.GetProperty("x").GetArrayLength()));
        Assert.Equal(5, regimes.Select(t => At(t, "marker.color").GetString()).Distinct().Count());
        var aboutRight = regimes[1];
        var at10 = Array.IndexOf(Numbers(aboutRight.GetProperty("x")), Runs[30].LearningRate);
        Assert.Equal(55, aboutRight.GetProperty("y")[at10].GetInt32());   // η = 10 first reaches 0.01 at epoch 55
        Assert.Equal("x3", Slider.Traces[4].GetProperty("xaxis").GetString());
        Assert.Equal([Runs[17].LearningRate, Runs[17].LearningRate], Numbers(Slider.Traces[4].GetProperty("x")));
    }

    [Fact]
    public void The_slider_page_for_41_rates_stays_under_half_a_megabyte_beside_plotly_js()
    {
        var html = ChartOutput.OfflineHtml(Charts.LearningRateSlider(Runs, Xor.Inputs, Xor.Targets, Target));
        var plotlyJs = ChartOutput.OfflineHtml(Plotly.NET.CSharp.Chart.Point<double, double, string>([0.0], [0.0])).Length;

        Assert.InRange(html.Length - plotlyJs, 100_000, 500_000);
    }

    [Fact]
    public void A_rate_that_overflowed_gets_a_step_saying_where_it_diverged_drawn_from_its_last_good_weights()
    {
        var runs = LearningRateSweep.Run([1, 1e300], Xor.Inputs, Xor.Targets, 3000);

        var step = new ChartJson(Charts.LearningRateSlider(runs, Xor.Inputs, Xor.Targets, Target)).Steps[1].GetProperty("args");

        Assert.Contains("far too large: the weights overflowed", step[1].GetProperty("title.text").GetString(), StringComparison.Ordinal);
        Assert.Contains("diverged at epoch 1", step[1].GetProperty("title.text").GetString(), StringComparison.Ordinal);
        Assert.Equal([1], Numbers(step[0].GetProperty("x")[0]));
        Assert.Equal(runs[1].Network!.Predict(0, 0), step[0].GetProperty("z")[1][0][0].GetDouble(), 1e-3);
    }

    [Fact]
    public void A_sweep_whose_runs_have_no_network_is_rejected()
    {
        var byHand = new SweepRun(0.1, new TrainingHistory([0.25, 0.2]), null);

        var e = Assert.Throws<ArgumentException>(() => Charts.LearningRateSlider([byHand], Xor.Inputs, Xor.Targets, Target));
        Assert.Equal("runs", e.ParamName);
    }

    [Fact]
    public void The_loss_curves_of_13_rates_have_13_colours_lighter_as_the_rate_grows_and_a_legend()
    {
        var chart = new ChartJson(Charts.LearningRateSweep(Runs.Where((_, i) => i % 3 == 0 && i <= 36)));

        Assert.Equal(13, chart.Traces.Count);
        Assert.Equal(13, chart.Traces.Select(t => At(t, "line.color").GetString()).Distinct().Count());
        Assert.StartsWith("η = 0.01", chart.Traces[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("#440154", At(chart.Traces[0], "line.color").GetString());   // the scale's darkest end for the smallest rate
        Assert.False(chart.Layout.TryGetProperty("showlegend", out _));
    }

    [Fact]
    public void The_loss_curves_of_41_rates_trade_the_legend_for_a_colour_bar_of_the_rates()
    {
        var chart = new ChartJson(Charts.LearningRateSweep(Runs));

        Assert.Equal(42, chart.Traces.Count);
        Assert.False(chart.Layout.GetProperty("showlegend").GetBoolean());
        var bar = At(chart.Traces[^1], "marker.colorbar");
        Assert.Equal(["0.01", "0.1", "1", "10", "100"], Strings(bar.GetProperty("ticktext")));
        Assert.All(chart.Traces.Take(41), t => Assert.InRange(t.GetProperty("y").GetArrayLength(), 50, 151));
    }

    [Fact]
    public void The_loss_axis_is_logarithmic_with_powers_of_ten_written_out()
    {
        var yAxis = new ChartJson(Charts.LearningRateSweep(Runs)).Layout.GetProperty("yaxis");

        Assert.Equal("log", yAxis.GetProperty("type").GetString());
        Assert.Equal("loss (mean squared error)", At(yAxis, "title.text").GetString());
        Assert.Equal(["0.0001", "0.001", "0.01", "0.1"], Strings(yAxis.GetProperty("ticktext")));
    }

    [Fact]
    public void Epochs_to_reach_says_how_many_rates_never_got_there_and_labels_its_log_axis_in_full()
    {
        var chart = new ChartJson(Charts.EpochsToReach(Runs, Target));

        Assert.Contains("17 of the 41 rates never did", chart.Title, StringComparison.Ordinal);
        Assert.Equal(24, chart.Traces[0].GetProperty("x").GetArrayLength());
        Assert.Equal(["0.2", "0.5", "1", "2", "5", "10", "20"], Strings(chart.Layout.GetProperty("xaxis").GetProperty("ticktext")));
    }
}
