using NeuralNotebooks.Activations;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Tests.Network;

/// <summary>A network the machine cannot hold is refused before its weights are drawn, with a message saying why.</summary>
public class MemoryLimitTests
{
    private static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    [Fact]
    public void A_weight_matrix_larger_than_an_array_is_refused()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNetwork.Create([2, 50000, 50000, 1], Activation.ReLU, Activation.Sigmoid));

        Assert.Equal("sizes", e.ParamName);
        Assert.StartsWith("sizes [2, 50000, 50000, 1] gives sizes [2, 50000, 50000, 1], whose 50000 × 50000 weight matrix would hold 2,500,000,000 numbers; one array holds at most 2,147,483,591.", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1_000_000, "refused before allocating");
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
        Assert.Matches(@"need [0-9,]+ weights and biases \([0-9.]+ GB\) and up to [0-9.]+ GB to train; this machine can give a network about [0-9.]+ GB \(half of the [0-9.]+ GB available\)\.", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1_000_000, "refused before allocating");
    }

    [Fact]
    public void A_blog_network_too_wide_for_the_memory_is_refused_by_the_same_rule()
    {
        // About Available / 80 hidden units: 4 weights each, 5 numbers per weight while training, 8 bytes a number.
        var hidden = (int)Math.Min(int.MaxValue / 2, Available / 80);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleNeuralNetwork(hiddenUnits: hidden));

        Assert.Equal("hiddenUnits", e.ParamName);
        Assert.Contains($"hiddenUnits {hidden} gives sizes [2, {hidden}, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_course_networks_are_well_within_the_limit()
    {
        var network = NeuralNetwork.Create([784, 128, 10], Activation.ReLU, Activation.Softmax);

        Assert.Equal(101_770, network.ParameterCount);
    }
}
