using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Training;

/// <summary>
/// Trains the same network (same seed, same starting weights) once per learning rate, so the only
/// difference between the runs is the rate.
/// </summary>
public static class LearningRateSweep
{
    /// <summary>
    /// One run per rate, in order, on both cores. A rate so large that training diverges gives a run
    /// with <see cref="SweepRun.Diverged"/> set, not an exception.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not a finite number above 0, epochs is negative, or hiddenUnits is below 1.</exception>
    /// <exception cref="ArgumentException">X or y has the wrong shape or holds NaN or infinity.</exception>
    public static IReadOnlyList<SweepRun> Run(
        IEnumerable<double> learningRates, Matrix<double> X, Matrix<double> y, int epochs, int hiddenUnits = 4, long seed = 42)
    {
        Guard.NotNull(learningRates, nameof(learningRates));
        var rates = learningRates.ToArray();
        foreach (var rate in rates)
        {
            Guard.PositiveFinite(rate, "learningRates");
        }
        Guard.AtLeast(epochs, 0, nameof(epochs));
        var start = new SimpleNeuralNetwork(hiddenUnits, seed);
        start.Network.CheckInputs(X);
        start.Network.CheckTargets(X, y);
        var runs = new SweepRun[rates.Length];
        Parallel.For(0, rates.Length, i => runs[i] = RunOne(start.Clone(), rates[i], X, y, epochs));
        return runs;
    }

    /// <summary>Rates spread evenly on a log scale from <paramref name="smallest"/> to <paramref name="largest"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not a finite number above 0, or count is below 2.</exception>
    public static double[] LogSpaced(double smallest, double largest, int count)
    {
        Guard.PositiveFinite(smallest, nameof(smallest));
        Guard.PositiveFinite(largest, nameof(largest));
        Guard.AtLeast(count, 2, nameof(count));
        return Enumerable.Range(0, count).Select(i => smallest * Math.Pow(largest / smallest, (double)i / (count - 1))).ToArray();
    }

    /// <summary>The regime of each run, in the order given: how its rate did against <paramref name="targetLoss"/>.</summary>
    /// <remarks>
    /// <para>For a run, let L₀ … Lₙ₋₁ be its losses (L₀ before any update), E the first epoch with
    /// Lₑ &lt; <paramref name="targetLoss"/> (none if the loss never got there), and R = maxₑ (Lₑ − min₍ₑ′ ≤ ₑ₎ Lₑ′)
    /// the most the loss ever rose above its lowest value so far. The rules, first match wins:</para>
    /// <list type="number">
    /// <item><description><see cref="LearningRateRegime.Diverged"/>: training stopped with <see cref="TrainingDivergedException"/>.</description></item>
    /// <item><description><see cref="LearningRateRegime.AboutRight"/>: E exists and no smaller rate of <paramref name="runs"/> has a smaller E.</description></item>
    /// <item><description><see cref="LearningRateRegime.Overshooting"/>: E exists, but a smaller rate reached the target in fewer epochs.</description></item>
    /// <item><description><see cref="LearningRateRegime.TooSmall"/>: no E, and the loss never rose: R ≤ 0.01 · L₀.</description></item>
    /// <item><description><see cref="LearningRateRegime.Saturated"/>: no E, the loss rose (R &gt; 0.01 · L₀), ended no lower than it
    /// started (Lₙ₋₁ ≥ L₀), and stalled there: its last tenth of epochs changed it by at most 0.001.</description></item>
    /// <item><description><see cref="LearningRateRegime.Overshooting"/>: otherwise (no E and the loss rose).</description></item>
    /// </list>
    /// <para>The loss may rise briefly even for rates that are about right (for the blog's network at η = 10 it jumps by
    /// 0.16 while leaving the plateau), so rule 2 judges a run that reached the target by its speed alone.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLoss"/> is not a finite number above 0.</exception>
    public static IReadOnlyList<LearningRateRegime> Regimes(IReadOnlyList<SweepRun> runs, double targetLoss)
    {
        Guard.NotNull(runs, nameof(runs));
        Guard.PositiveFinite(targetLoss, nameof(targetLoss));
        var reached = runs.Select(r => r.EpochsToReach(targetLoss)).ToArray();
        bool SmallerRateWasFaster(int i) =>
            Enumerable.Range(0, runs.Count).Any(j => runs[j].LearningRate < runs[i].LearningRate && reached[j] < reached[i]);
        return runs.Select((run, i) => run switch
        {
            { Diverged: not null } => LearningRateRegime.Diverged,
            _ when reached[i] is not null => SmallerRateWasFaster(i) ? LearningRateRegime.Overshooting : LearningRateRegime.AboutRight,
            _ when !Rose(run.History.Losses) => LearningRateRegime.TooSmall,
            _ when StalledNoLowerThanStart(run.History.Losses) => LearningRateRegime.Saturated,
            _ => LearningRateRegime.Overshooting,
        }).ToArray();
    }

    /// <summary>Whether the loss ever rose more than 1% of its first value above the lowest value it had reached.</summary>
    private static bool Rose(IReadOnlyList<double> losses)
    {
        var lowest = double.PositiveInfinity;
        foreach (var loss in losses)
        {
            lowest = Math.Min(lowest, loss);
            if (loss - lowest > 0.01 * losses[0])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the loss ended no lower than it started and its last tenth of epochs changed it by at most 0.001.</summary>
    private static bool StalledNoLowerThanStart(IReadOnlyList<double> losses)
    {
        var lastTenth = losses.Skip(losses.Count - Math.Max(1, losses.Count / 10)).ToArray();
        return losses[^1] >= losses[0] && lastTenth.Max() - lastTenth.Min() <= 0.001;
    }

    private static SweepRun RunOne(SimpleNeuralNetwork network, double rate, Matrix<double> X, Matrix<double> y, int epochs)
    {
        try
        {
            return new SweepRun(rate, network.Train(X, y, epochs, rate), Diverged: null) { Network = network };
        }
        catch (TrainingDivergedException e)
        {
            return new SweepRun(rate, e.History, e) { Network = network };
        }
    }
}

/// <summary>One run of a learning-rate sweep.</summary>
/// <param name="LearningRate">The rate used.</param>
/// <param name="History">The loss of every epoch trained (up to the divergence, if there was one).</param>
/// <param name="Diverged">Why training stopped early, or null when it ran every epoch.</param>
public sealed record SweepRun(double LearningRate, TrainingHistory History, TrainingDivergedException? Diverged)
{
    /// <summary>The network as this run left it (null for a run made by hand).</summary>
    public SimpleNeuralNetwork? Network { get; init; }

    /// <summary>The first epoch whose loss was below <paramref name="threshold"/>, or null if none was.</summary>
    public int? EpochsToReach(double threshold)
    {
        for (var epoch = 0; epoch < History.Epochs; epoch++)
        {
            if (History.Losses[epoch] < threshold)
            {
                return epoch;
            }
        }
        return null;
    }
}
