using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>
/// The blog engine behind Train against the readable step-by-step path, and against the final losses numpy
/// measured for the benchmark workloads W1–W3 (shared/bench/WORKLOADS.md).
/// </summary>
public class BlogEngineTests
{
    [Theory]
    [InlineData(42, 4, 0.1, 1000)]
    [InlineData(7, 8, 0.5, 3000)]
    [InlineData(3, 1, 2.0, 500)]
    [InlineData(11, 16, 5.0, 700)]
    public void The_fast_path_gives_the_readable_paths_numbers_to_the_last_bit(long seed, int hidden, double rate, int epochs)
    {
        var fast = new SimpleNeuralNetwork(hidden, seed);
        var readable = new SimpleNeuralNetwork(hidden, seed);

        var fastHistory = fast.Train(Xor.Inputs, Xor.Targets, epochs, rate);
        var readableHistory = readable.TrainStepByStep(Xor.Inputs, Xor.Targets, epochs, rate);

        Assert.Equal(readableHistory.Losses, fastHistory.Losses);
        Assert.Equal(readable.Weights1, fast.Weights1);
        Assert.Equal(readable.Bias1, fast.Bias1);
        Assert.Equal(readable.Weights2, fast.Weights2);
        Assert.Equal(readable.Bias2, fast.Bias2);
    }

    [Fact]
    public void The_fast_path_sums_a_batch_of_eight_or_more_as_numpy_does_too()
    {
        var random = new NumpyRandom(9);
        var X = random.Uniform(-1, 1, 13, 2);
        var y = random.Uniform(0, 1, 13, 1);
        var fast = new SimpleNeuralNetwork(5, 1);
        var readable = new SimpleNeuralNetwork(5, 1);

        Assert.Equal(readable.TrainStepByStep(X, y, 200, 0.3).Losses, fast.Train(X, y, 200, 0.3).Losses);
        Assert.Equal(readable.Weights1, fast.Weights1);
    }

    [Fact]
    public void A_diverging_run_stops_at_the_same_epoch_on_both_paths_with_the_same_weights()
    {
        var fast = new SimpleNeuralNetwork(4, 42);
        var readable = new SimpleNeuralNetwork(4, 42);

        var a = Assert.Throws<TrainingDivergedException>(() => fast.Train(Xor.Inputs, Xor.Targets, 50, 1e308));
        var b = Assert.Throws<TrainingDivergedException>(() => readable.TrainStepByStep(Xor.Inputs, Xor.Targets, 50, 1e308));

        Assert.Equal(b.Epoch, a.Epoch);
        Assert.Equal(b.History.Losses, a.History.Losses);
        Assert.Equal(readable.Weights1, fast.Weights1);
    }

    [Theory]
    [InlineData(1_000, 0.23916934302051956)]   // W1, the blog's run
    [InlineData(200_000, 4.830509045381584e-05)] // W2
    public void The_final_loss_matches_numpys_for_the_blog_workloads(int epochs, double expected)
    {
        var network = new SimpleNeuralNetwork(4, 42);
        network.Train(Xor.Inputs, Xor.Targets, epochs, 0.1);

        Assert.Equal(expected, FinalLoss(network), expected * 1e-9);
    }

    [Fact]
    public void The_sum_of_the_64_sweep_runs_final_losses_matches_numpys()
    {
        var rates = Enumerable.Range(0, 64).Select(i => 0.01 * Math.Pow(1000, i / 63.0)).ToArray();

        var runs = LearningRateSweep.Run(rates, Xor.Inputs, Xor.Targets, 10_000);

        var sum = runs.Sum(run =>
        {
            var network = new SimpleNeuralNetwork(4, 42);
            network.Train(Xor.Inputs, Xor.Targets, 10_000, run.LearningRate);
            return FinalLoss(network);
        });
        Assert.All(runs, run => Assert.Null(run.Diverged));
        Assert.Equal(1.8449805990682788, sum, 1.8449805990682788 * 1e-9);
    }

    private static double FinalLoss(SimpleNeuralNetwork network) =>
        NeuralNotebooks.Losses.MeanSquaredError.Value(Xor.Targets, network.Predict(Xor.Inputs));
}
