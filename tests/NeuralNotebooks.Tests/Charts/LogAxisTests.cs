using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Tests.Charts;

public class LogAxisTests
{
    [Fact]
    public void A_loss_axis_over_five_decades_gets_a_tick_per_power_of_ten_written_out()
    {
        var (values, labels) = LogAxis.Ticks(1.5e-5, 0.5);

        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1], values);
        Assert.Equal(["0.0001", "0.001", "0.01", "0.1"], labels);
    }

    [Fact]
    public void Powers_of_ten_beyond_plain_decimals_are_written_as_powers_never_with_a_metric_prefix()
    {
        Assert.Equal("10⁻⁵", LogAxis.Label(1e-5));
        Assert.Equal("2×10⁻⁶", LogAxis.Label(2e-6));
        Assert.Equal("10⁶", LogAxis.Label(1e6));
        Assert.Equal("100000", LogAxis.Label(1e5));
        var (_, labels) = LogAxis.Ticks(1e-9, 1);
        Assert.DoesNotContain(labels, l => l.Contains('μ') || l.Contains('n') || l.Contains('m'));
    }

    [Fact]
    public void An_axis_spanning_one_decade_gets_two_and_five_times_the_powers_each_written_in_full()
    {
        var (values, labels) = LogAxis.Ticks(0.04, 0.6);

        Assert.Equal([0.05, 0.1, 0.2, 0.5], values);
        Assert.Equal(["0.05", "0.1", "0.2", "0.5"], labels);
    }

    [Fact]
    public void A_wide_axis_labels_every_second_decade_so_labels_never_crowd()
    {
        var (values, _) = LogAxis.Ticks(0.01, 1e15);

        Assert.True(values.Length <= 10, $"{values.Length} ticks");
        Assert.Equal([0.01, 1, 100], values.Take(3));
    }

    [Fact]
    public void An_axis_too_narrow_for_two_round_ticks_leaves_the_ticks_to_plotly_which_labels_each_in_full()
    {
        var style = LogAxis.Style(0.2494, 0.2522);

        Assert.Equal("log", style["type"]);
        Assert.False(style.ContainsKey("tickvals"));
        Assert.Equal("power", style["exponentformat"]);
    }
}
