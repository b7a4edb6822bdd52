using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Tests.Charts;

public class CurveSamplingTests
{
    [Fact]
    public void A_long_curve_keeps_at_most_three_points_per_bucket_with_its_first_and_last()
    {
        var curve = Enumerable.Range(0, 10_000).Select(e => 1.0 / (e + 1)).ToArray();

        var kept = CurveSampling.LogSpacedExtremes(curve, 50);

        Assert.True(kept.Length <= 151, $"{kept.Length} points");
        Assert.Equal(0, kept[0]);
        Assert.Equal(9_999, kept[^1]);
        Assert.Equal(kept.Order(), kept);
        Assert.Equal(kept.Distinct(), kept);
    }

    [Fact]
    public void A_spike_late_in_the_curve_is_kept_however_coarse_its_bucket()
    {
        var curve = Enumerable.Range(0, 3000).Select(e => e == 2345 ? 0.5 : 0.01).ToArray();

        Assert.Contains(2345, CurveSampling.LogSpacedExtremes(curve, 50));
    }

    [Fact]
    public void Early_epochs_are_all_kept_where_the_loss_changes_fastest()
    {
        var curve = Enumerable.Range(0, 3000).Select(e => Math.Exp(-e / 100.0)).ToArray();

        Assert.Equal(Enumerable.Range(0, 6), CurveSampling.LogSpacedExtremes(curve, 50).Take(6));
    }
}
