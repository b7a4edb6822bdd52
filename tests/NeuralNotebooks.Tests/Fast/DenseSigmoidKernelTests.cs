using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Bench;
using NeuralNotebooks.Fast;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>The fast dense kernel against the readable general network, a naive matrix product, and numpy's W4/W5 losses.</summary>
public class DenseSigmoidKernelTests
{
    [Theory]
    [InlineData(37, new[] { 5, 20, 17, 3 })]   // sizes that are not multiples of the kernel's 6 × 16 blocks
    [InlineData(13, new[] { 2, 33, 1 })]
    [InlineData(48, new[] { 8, 16, 16, 10 })]
    public void The_fast_kernel_trains_like_the_readable_network(int rows, int[] sizes)
    {
        var random = new NumpyRandom(rows);
        var X = random.Uniform(-1, 1, rows, sizes[0]);
        var y = random.Uniform(0, 1, rows, sizes[^1]);
        var readable = NeuralNetwork.Create(sizes, Activation.Sigmoid, Activation.Sigmoid, Initializer.Scaled, seed: 3);
        using var fast = new DenseSigmoidKernel(readable.Layers.Select(l => (l.Weights, l.Bias)).ToList(), X, y);

        var history = readable.Train(X, y, Loss.MeanSquaredError, TrainingOptions.Blog(60, 0.05));
        var fastLosses = Enumerable.Range(0, 60).Select(_ => fast.Epoch(0.05, measureLoss: true)).ToList();

        Assert.All(history.Losses.Zip(fastLosses), pair => AssertClose(pair.First, pair.Second, 1e-12));
        foreach (var (layer, (weights, bias)) in readable.Layers.Zip(fast.Layers()))
        {
            Assert.True((layer.Weights - weights).Enumerate().All(d => Math.Abs(d) < 1e-12), "weights differ");
            Assert.True((layer.Bias - bias).Enumerate().All(d => Math.Abs(d) < 1e-12), "biases differ");
        }
    }

    [Theory]
    [InlineData(13, 7, 35)]
    [InlineData(6, 64, 16)]
    [InlineData(1, 3, 1)]
    [InlineData(40, 1, 10)]
    public void The_matrix_product_equals_the_textbook_one_for_any_rows(int m, int k, int n)
    {
        var random = new NumpyRandom(m * 1000 + k * 10 + n);
        var a = random.Uniform(-1, 1, m, k);
        var b = random.Uniform(-1, 1, k, n);
        var c = new double[m * n];
        var pack = new double[MatrixProduct.PackSize(k)];

        MatrixProduct.Multiply(a.ToRowMajorArray(), b.ToRowMajorArray(), c, k, n, 0, m / 2, pack);
        MatrixProduct.Multiply(a.ToRowMajorArray(), b.ToRowMajorArray(), c, k, n, m / 2, m, pack);

        var expected = (a * b).ToRowMajorArray();
        Assert.All(expected.Zip(c), pair => AssertClose(pair.First, pair.Second, 1e-13));
    }

    [Fact]
    public void An_epoch_allocates_nothing_once_warmed_up()
    {
        var random = new NumpyRandom(1);
        var layers = Initializer.Scaled.Draw([16, 32, 4], random);
        using var kernel = new DenseSigmoidKernel(layers, random.Uniform(0, 1, 64, 16), random.Uniform(0, 1, 64, 4));
        for (var i = 0; i < 20; i++)
        {
            kernel.Epoch(0.01);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            kernel.Epoch(0.01);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("W4")]
    [InlineData("W5")]
    public void The_final_loss_matches_numpys_for_the_wide_and_deep_workloads(string id)
    {
        var w = Workload.All().Single(w => w.Id == id);
        using var kernel = new DenseSigmoidKernel(w.Layers, w.X, w.y);

        for (var epoch = 0; epoch < w.Epochs; epoch++)
        {
            kernel.Epoch(w.Rates[0]);
        }

        AssertClose(w.ExpectedLoss, kernel.Loss(), 1e-9);
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, got {actual:R}");
}
