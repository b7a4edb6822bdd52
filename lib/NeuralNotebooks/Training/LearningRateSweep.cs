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
