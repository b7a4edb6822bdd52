using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>
/// The fast engine against the readable step-by-step engine, through the public API: every activation, loss and
/// optimiser, mini-batches and full batch, L2, summed and mean gradients, one to three hidden layers.
/// </summary>
/// <remarks>
/// The tolerance: after 20 epochs every epoch's loss (and test loss) within 1e-9 relative of the step-by-step engine's,
/// and every weight and bias within 1e-9 of the largest entry of its matrix. The engines differ only in the order of
/// their sums and in fused multiply-adds (about 1e-16 per operation); 1e-9 leaves room for that to grow over training
/// while still catching any difference in the formulas, which shows at 1e-3 or more.
/// </remarks>
public class FastEngineTests
{
    private const double Tolerance = 1e-9;

    private static readonly (Activation Output, Loss Loss)[] Heads =
    [
        (Activation.Linear, Loss.MeanSquaredError),
        (Activation.Sigmoid, Loss.MeanSquaredError),
        (Activation.Sigmoid, Loss.BinaryCrossEntropy),
        (Activation.Softmax, Loss.SoftmaxCrossEntropy),
    ];

    private static readonly string[] Optimizers = ["sgd", "momentum", "adam"];

    /// <summary>Every hidden activation × output-and-loss pair × optimiser; the other settings rotate through these cases.</summary>
    public static TheoryData<int> Cases()
    {
        var cases = new TheoryData<int>();
        var count = (Activation.All.Count - 1) * Heads.Length * Optimizers.Length;
        for (var i = 0; i < count; i++)
        {
            cases.Add(i);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fast_engine_trains_like_the_step_by_step_engine(int index)
    {
        var hidden = Activation.All[index % (Activation.All.Count - 1)];   // every one but softmax
        var (output, loss) = Heads[index / (Activation.All.Count - 1) % Heads.Length];
        var optimizer = Optimizers[index / ((Activation.All.Count - 1) * Heads.Length)];
        int[][] shapes = [[3, 17, 4], [5, 9, 20, 3], [2, 33, 8, 6, 2], [7, 16, 3]];
        int?[] batches = [null, 7, 16, 40];
        var sizes = shapes[index % shapes.Length];
        var options = new TrainingOptions
        {
            Epochs = 20,
            Optimizer = Optimizer.Parse(optimizer, optimizer == "adam" ? 0.01 : 0.05),
            BatchSize = batches[index / 2 % batches.Length],
            L2 = index % 3 == 0 ? 0.01 : 0,
            SumGradients = index % 5 == 0,
            ShuffleSeed = index,
        };
        var (X, y) = Data(61, sizes[0], sizes[^1], output, seed: index);
        if (index % 4 == 1)
        {
            options = options with { TestData = new Dataset("test", X.SubMatrix(0, 20, 0, X.ColumnCount) * 1.5, y.SubMatrix(0, 20, 0, y.ColumnCount)) };
        }
        var readable = NeuralNetwork.Create(sizes, hidden, output, Initializer.Xavier, seed: index);
        var fast = readable.Clone();

        var expected = readable.Train(X, y, loss, options with { Engine = TrainingEngine.StepByStep });
        var actual = fast.Train(X, y, loss, options with { Engine = TrainingEngine.Fast });

        Assert.Equal(TrainingEngine.Fast, actual.Engine);
        AssertClose(expected.Losses, actual.Losses, "losses");
        if (expected.TestLosses is not null)
        {
            AssertClose(expected.TestLosses, actual.TestLosses!, "test losses");
        }
        foreach (var (a, b) in readable.Layers.Zip(fast.Layers))
        {
            AssertClose(a.Weights, b.Weights, "weights");
            AssertClose(a.Bias, b.Bias, "biases");
        }
    }

    /// <summary>
    /// Batches big enough for both cores: at least 400,000 multiply-adds a batch (3 × the weights × the rows: here
    /// 1.1 million or more). A hidden first layer of 40 neurons is three panels (16, 16 and 8), which the cores split
    /// 2 : 1; one of 12 is a single panel, all of it one core's; a first layer that is the output layer, or
    /// softmax, is not split by neurons.
    /// </summary>
    [Theory]
    [InlineData("relu", 64, "adam", true, 40)]
    [InlineData("sigmoid", null, "momentum", false, 40)]
    [InlineData("tanh", 40, "sgd", true, 40)]
    [InlineData("relu", 64, "adam", true, 12)]
    [InlineData("softmax", 64, "adam", false, 40)]
    [InlineData("none", 64, "adam", true, 40)]
    public void The_fast_engine_on_both_cores_trains_like_the_step_by_step_engine(string firstLayer, int? batch, string optimizer, bool testData, int neurons)
    {
        int[] sizes = firstLayer == "none" ? [300, 20] : neurons == 12 ? [600, 12, 5] : [120, 40, 30, 5];
        var hidden = firstLayer == "none" ? Activation.Softmax : Activation.Parse(firstLayer);
        var (X, y) = Data(400, sizes[0], sizes[^1], Activation.Softmax, seed: 7);
        var options = new TrainingOptions
        {
            Epochs = 5,
            Optimizer = Optimizer.Parse(optimizer, optimizer == "adam" ? 0.005 : 0.05),
            BatchSize = batch,
            L2 = 0.001,
            ShuffleSeed = 3,
            TestData = testData ? new Dataset("test", X.SubMatrix(0, 100, 0, X.ColumnCount) * 0.5, y.SubMatrix(0, 100, 0, y.ColumnCount)) : null,
        };
        var readable = NeuralNetwork.Create(sizes, hidden, Activation.Softmax, Initializer.Xavier, seed: 11);
        var fast = readable.Clone();

        var expected = readable.Train(X, y, Loss.SoftmaxCrossEntropy, options with { Engine = TrainingEngine.StepByStep });
        var actual = fast.Train(X, y, Loss.SoftmaxCrossEntropy, options with { Engine = TrainingEngine.Fast });

        Assert.Equal(TrainingEngine.Fast, actual.Engine);
        AssertClose(expected.Losses, actual.Losses, "losses");
        if (testData)
        {
            AssertClose(expected.TestLosses!, actual.TestLosses!, "test losses");
        }
        foreach (var (a, b) in readable.Layers.Zip(fast.Layers))
        {
            AssertClose(a.Weights, b.Weights, "weights");
            AssertClose(a.Bias, b.Bias, "biases");
        }
    }

    [Fact]
    public void A_difference_in_a_formula_would_fail_the_comparison()
    {
        // The same run with a learning rate one part in a million larger: the comparison must see it.
        var (X, y) = Data(61, 3, 4, Activation.Softmax, seed: 1);
        var options = new TrainingOptions { Epochs = 20, Optimizer = Optimizer.Adam(0.01), BatchSize = 16 };
        var readable = NeuralNetwork.Create([3, 17, 4], Activation.Tanh, Activation.Softmax, Initializer.Xavier, seed: 1);
        var fast = readable.Clone();

        readable.Train(X, y, Loss.SoftmaxCrossEntropy, options with { Engine = TrainingEngine.StepByStep });
        fast.Train(X, y, Loss.SoftmaxCrossEntropy, options with { Engine = TrainingEngine.Fast, Optimizer = Optimizer.Adam(0.01 * (1 + 1e-6)) });

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClose(readable.Layers[0].Weights, fast.Layers[0].Weights, "weights"));
    }

    [Theory]
    [InlineData("W4")]
    [InlineData("W5")]
    public void The_wide_and_deep_benchmark_workloads_end_at_numpys_final_loss(string id)
    {
        // shared/bench/WORKLOADS.md: the blog's training on 2-256-1 and 64-256-256-10, numpy's final losses.
        var (X, y, sizes, rate, epochs, expected, random) = id == "W4" ? Wide() : Deep();
        var network = new NeuralNetwork(Initializer.Scaled.Draw(sizes, random).Select(p => new DenseLayer(p.Weights, p.Bias, Activation.Sigmoid)));

        var history = network.Train(X, y, Loss.MeanSquaredError, TrainingOptions.Blog(epochs, rate) with { Engine = TrainingEngine.Fast });

        Assert.Equal(TrainingEngine.Fast, history.Engine);
        var final = Loss.MeanSquaredError.Value(y, network.Predict(X));
        Assert.True(Math.Abs(final - expected) <= 1e-9 * expected, $"expected {expected:R}, got {final:R}");
    }

    [Fact]
    public void A_callback_sees_the_network_with_that_epochs_weights()
    {
        var data = Datasets.Moons(120, 0.1, seed: 3);
        var options = new TrainingOptions { Epochs = 4, Optimizer = Optimizer.Adam(0.02), BatchSize = 16, ShuffleSeed = 2 };
        var network = NeuralNetwork.Create([2, 12, 1], Activation.ReLU, Activation.Sigmoid, Initializer.He, seed: 5);
        var seen = new List<Matrix<double>>();

        network.Train(data.X, data.y, Loss.BinaryCrossEntropy, options, _ => seen.Add(network.Predict(data.X)));

        for (var epochs = 1; epochs <= 4; epochs++)
        {
            var alone = NeuralNetwork.Create([2, 12, 1], Activation.ReLU, Activation.Sigmoid, Initializer.He, seed: 5);
            alone.Train(data.X, data.y, Loss.BinaryCrossEntropy, options with { Epochs = epochs });
            Assert.Equal(alone.Predict(data.X), seen[epochs - 1]);
        }
        Assert.NotEqual(seen[0], seen[3]);
    }

    [Theory]
    [InlineData(TrainingEngine.Fast)]
    [InlineData(TrainingEngine.StepByStep)]
    [InlineData(TrainingEngine.Blog)]
    public void Matrices_held_from_before_training_stay_as_they_were(TrainingEngine engine)
    {
        var network = NeuralNetwork.Create([2, 4, 1], Activation.Sigmoid, Activation.Sigmoid, Initializer.Uniform, seed: 42);
        var (weights, bias) = (network.Layers[0].Weights, network.Layers[1].Bias);
        var (weightsCopy, biasCopy) = (weights.Clone(), bias.Clone());

        var history = network.Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError, TrainingOptions.Blog(50, 0.5) with { Engine = engine });

        Assert.Equal(engine, history.Engine);
        Assert.Equal(weightsCopy, weights);
        Assert.Equal(biasCopy, bias);
        Assert.NotEqual(weightsCopy, network.Layers[0].Weights);
    }

    /// <summary>Inputs from −1 to 1 and targets that fit the output: one-hot rows for softmax, 0 … 1 for sigmoid, any number for linear.</summary>
    internal static (Matrix<double> X, Matrix<double> y) Data(int rows, int inputs, int outputs, Activation output, long seed)
    {
        var random = new NumpyRandom(seed);
        var X = random.Uniform(-1, 1, rows, inputs);
        var y = random.Uniform(0, 1, rows, outputs);
        if (output == Activation.Softmax)
        {
            y = Matrix<double>.Build.Dense(rows, outputs, (i, k) => k == (int)(y[i, 0] * outputs) ? 1 : 0);
        }
        else if (output == Activation.Linear)
        {
            y = y * 4 - 2;
        }
        return (X, y);
    }

    // The data as WORKLOADS.md draws it; the generator, left where the data ended, draws the weights next.
    private static (Matrix<double>, Matrix<double>, int[], double, int, double, NumpyRandom) Wide()
    {
        var random = new NumpyRandom(4);
        var X = random.Uniform(-1, 1, 10_000, 2);
        var y = Matrix<double>.Build.Dense(10_000, 1, (i, _) => X[i, 0] * X[i, 1] < 0 ? 1 : 0);
        return (X, y, [2, 256, 1], 1e-5, 100, 0.24982050329887, random);
    }

    private static (Matrix<double>, Matrix<double>, int[], double, int, double, NumpyRandom) Deep()
    {
        var random = new NumpyRandom(5);
        var X = random.Uniform(0, 1, 4096, 64);
        var labels = Enumerable.Range(0, 4096).Select(_ => (int)Math.Floor(10 * random.Uniform(0, 1))).ToArray();
        var y = Matrix<double>.Build.Dense(4096, 10, (i, k) => labels[i] == k ? 1 : 0);
        return (X, y, [64, 256, 256, 10], 2.5e-5, 50, 0.08998567025971185, random);
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Abs(expected[i]),
                $"{what}[{i}]: step by step {expected[i]:R}, fast {actual[i]:R}");
        }
    }

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, string what)
    {
        var scale = expected.Enumerate().Max(Math.Abs);
        var difference = (expected - actual).Enumerate().Max(Math.Abs);
        Assert.True(difference <= Tolerance * scale, $"{what}: largest difference {difference:E2}, largest entry {scale:E2}");
    }
}
