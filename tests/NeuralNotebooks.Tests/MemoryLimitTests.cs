using NeuralNotebooks.Activations;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests;

/// <summary>A network the machine cannot hold is refused before its weights are drawn, with a message saying why.</summary>
public class MemoryLimitTests
{
    private static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    [Fact]
    public void The_issues_example_is_refused_with_what_it_needs_and_what_there_is()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNetwork.Create([2, 50000, 50000, 1], Activation.ReLU, Activation.Sigmoid));

        Assert.Equal("sizes", e.ParamName);
        // 2,500,250,001 weights and biases: 20.0 GB, and 100.0 GB to train; no machine this test runs on has 200 GB to give.
        Assert.StartsWith("sizes [2, 50000, 50000, 1] need 2,500,250,001 weights and biases (20.0 GB) and up to 100.0 GB to train; this machine can give a network about ", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1_000_000, "refused before allocating");
    }

    [Fact]
    public void A_batch_buffer_larger_than_an_array_is_refused()
    {
        // 50,000 examples at once through 50,000 hidden units: 2.5 billion numbers in one buffer.
        var network = NeuralNetwork.Create([1, 50000, 1], Activation.ReLU, Activation.Linear);
        var X = Matrix<double>.Build.Dense(50_000, 1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            network.Train(X, X, Loss.MeanSquaredError, new TrainingOptions { Epochs = 1 }));

        Assert.Equal("batchSize", e.ParamName);
        Assert.StartsWith("batchSize 50000: a batch that size through a layer of 50000 would hold 2,500,000,000 numbers; one array holds at most 2,147,483,591.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_whose_training_would_take_more_than_half_the_memory_is_refused_before_allocating()
    {
        // Layers of 40,000 × 40,000 weights (each fits in an array), as many as it takes to need the whole memory.
        var layers = (int)(Available / (40_000L * 40_000 * sizeof(double) * MemoryLimit.NumbersPerWeightWhileTraining)) + 1;
        int[] sizes = [2, .. Enumerable.Repeat(40_000, layers + 1), 1];
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNetwork.Create(sizes, Activation.ReLU, Activation.Sigmoid));

        Assert.Equal("sizes", e.ParamName);
        Assert.Matches(@"^sizes \[2, 40000, .*, 1\] need [0-9,]+ weights and biases \([0-9.]+ GB\) and up to [0-9.]+ GB to train; this machine can give a network about [0-9.]+ GB \(half of the [0-9.]+ GB available\)\.", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1_000_000, "refused before allocating");
    }

    [Fact]
    public void A_blog_network_too_wide_for_the_memory_is_refused_by_the_same_rule()
    {
        // About Available / 80 hidden units: 4 weights each, 5 numbers per weight while training, 8 bytes a number.
        var hidden = (int)Math.Min(int.MaxValue / 2, Available / 80);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleNeuralNetwork(hiddenUnits: hidden));

        Assert.Equal("hiddenUnits", e.ParamName);
        Assert.StartsWith($"hiddenUnits {hidden} (sizes [2, {hidden}, 1]) needs {4L * hidden + 1:N0} weights and biases", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_course_networks_are_well_within_the_limit()
    {
        var network = NeuralNetwork.Create([784, 128, 10], Activation.ReLU, Activation.Softmax);

        Assert.Equal(101_770, network.ParameterCount);
    }
}
