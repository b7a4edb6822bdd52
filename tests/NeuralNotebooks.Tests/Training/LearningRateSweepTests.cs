using NeuralNotebooks.Data;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Training;

public class LearningRateSweepTests(LearningRateSweepTests.BlogSweep sweep) : IClassFixture<LearningRateSweepTests.BlogSweep>
{
    private const double Target = 0.01;

    [Fact]
    public void Forty_one_log_spaced_rates_run_from_0_01_to_100_with_ten_per_decade()
    {
        var rates = LearningRateSweep.LogSpaced(0.01, 100, 41);

        Assert.Equal(41, rates.Length);
        Assert.Equal(0.01, rates[0], 1e-15);
        Assert.Equal(0.1, rates[10], 1e-14);
        Assert.Equal(10, rates[30], 1e-12);
        Assert.Equal(100, rates[^1], 1e-12);
    }

    [Fact]
    public void Rates_up_to_0_1_are_too_small_for_the_blogs_network_in_3000_epochs()
    {
        // Measured: at η = 0.1 the loss creeps down, never rising, to 0.0287 after 3000 epochs.
        Assert.All(sweep.Between(0.01, 0.1), r => Assert.Equal(LearningRateRegime.TooSmall, r.Regime));
    }

    [Fact]
    public void Rates_from_0_16_to_16_are_about_right_and_10_is_the_fastest_of_the_blogs_old_sweep()
    {
        Assert.All(sweep.Between(0.15, 16), r => Assert.Equal(LearningRateRegime.AboutRight, r.Regime));
        var oldSweep = sweep.Runs.Where(r => r.Run.LearningRate <= 10.0001).ToList();
        Assert.Equal(10, oldSweep.MinBy(r => r.Run.EpochsToReach(Target) ?? int.MaxValue).Run.LearningRate, 1e-9);
    }

    [Fact]
    public void Rates_from_20_to_32_overshoot_they_need_more_epochs_than_a_smaller_rate_and_the_loss_rises()
    {
        var fastest = sweep.Runs.Min(r => r.Run.EpochsToReach(Target) ?? int.MaxValue);
        var overshooting = sweep.Between(19, 32);

        Assert.All(overshooting, r => Assert.Equal(LearningRateRegime.Overshooting, r.Regime));
        Assert.All(overshooting, r => Assert.True(r.Run.EpochsToReach(Target) > fastest));
        var at30 = overshooting[^1].Run.History.Losses;   // η = 31.6: 638 epochs, against 45 at η = 15.8
        Assert.Contains(Enumerable.Range(1, at30.Count - 1), e => at30[e] > at30[e - 1] + 0.1);
    }

    [Fact]
    public void Rates_from_63_to_100_get_stuck_at_a_loss_of_0_5_their_neurons_saturated()
    {
        var stuck = sweep.Between(60, 100);

        Assert.Equal(3, stuck.Count);
        Assert.All(stuck, r => Assert.Equal(LearningRateRegime.Saturated, r.Regime));
        Assert.All(stuck, r => Assert.Equal(0.5, r.Run.History.LastLoss, 1e-5));
    }

    [Fact]
    public void At_50_the_loss_bounces_between_0_25_and_0_5_to_the_end_which_counts_as_overshooting_not_stuck()
    {
        var at50 = Assert.Single(sweep.Between(50, 51));
        var lastTenth = at50.Run.History.Losses.Skip(2700).ToList();

        Assert.Equal(0.4995, at50.Run.History.LastLoss, 1e-4);
        Assert.True(lastTenth.Max() - lastTenth.Min() > 0.2);
        Assert.Equal(LearningRateRegime.Overshooting, at50.Regime);
    }

    [Fact]
    public void A_rate_of_1e300_overflows_the_weights_and_is_classed_as_diverged()
    {
        var last = sweep.Runs[^1];

        Assert.Equal(1e300, last.Run.LearningRate);
        Assert.NotNull(last.Run.Diverged);
        Assert.Equal(LearningRateRegime.Diverged, last.Regime);
    }

    [Fact]
    public void A_run_that_reached_the_target_is_judged_only_against_smaller_rates()
    {
        TrainingHistory Reaching(int epoch) => new(Enumerable.Range(0, 10).Select(e => e < epoch ? 0.25 : 0.001).ToList());
        SweepRun[] runs = [new(2, Reaching(3), null), new(1, Reaching(5), null), new(4, Reaching(4), null)];

        var regimes = LearningRateSweep.Regimes(runs, Target);

        Assert.Equal([LearningRateRegime.AboutRight, LearningRateRegime.AboutRight, LearningRateRegime.Overshooting], regimes);
    }

    [Fact]
    public void A_loss_that_climbs_and_stays_flat_at_its_start_is_stuck_but_one_still_moving_there_is_overshooting()
    {
        var stuck = new TrainingHistory([0.25, 0.1, .. Enumerable.Repeat(0.5, 18)]);
        var moving = new TrainingHistory([0.25, 0.1, .. Enumerable.Range(0, 18).Select(e => e % 2 == 0 ? 0.5 : 0.3)]);
        var creeping = new TrainingHistory(Enumerable.Range(0, 20).Select(e => 0.25 - 0.001 * e).ToList());

        var regimes = LearningRateSweep.Regimes([new(1, stuck, null), new(2, moving, null), new(3, creeping, null)], Target);

        Assert.Equal([LearningRateRegime.Saturated, LearningRateRegime.Overshooting, LearningRateRegime.TooSmall], regimes);
    }

    [Fact]
    public void A_target_loss_that_is_not_above_0_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSweep.Regimes([], 0));
        Assert.Equal("targetLoss", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => LearningRateSweep.Regimes(null!, Target));
    }

    /// <summary>The blog's network (seed 42, 4 hidden units) swept over 41 rates from 0.01 to 100 and 10^300, 3000 epochs each.</summary>
    public sealed class BlogSweep
    {
        public BlogSweep()
        {
            var runs = LearningRateSweep.Run([.. LearningRateSweep.LogSpaced(0.01, 100, 41), 1e300], Xor.Inputs, Xor.Targets, 3000);
            Runs = runs.Zip(LearningRateSweep.Regimes(runs, Target), (run, regime) => (run, regime)).ToList();
        }

        public IReadOnlyList<(SweepRun Run, LearningRateRegime Regime)> Runs { get; }

        public List<(SweepRun Run, LearningRateRegime Regime)> Between(double smallest, double largest) =>
            Runs.Where(r => r.Run.LearningRate >= smallest * (1 - 1e-9) && r.Run.LearningRate <= largest * (1 + 1e-9)).ToList();
    }
}
