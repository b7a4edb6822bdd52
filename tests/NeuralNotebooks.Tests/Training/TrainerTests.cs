using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Training;

public class TrainerTests
{
    private static NeuralNetwork SmallNetwork(long seed = 1) =>
        NeuralNetwork.Create([2, 6, 1], Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed);

    private static void AssertUnchanged(NeuralNetwork expected, NeuralNetwork actual)
    {
        foreach (var (a, b) in expected.Layers.Zip(actual.Layers))
        {
            Assert.Equal(a.Weights, b.Weights);
            Assert.Equal(a.Bias, b.Bias);
        }
    }

    [Fact]
    public void The_blogs_configuration_of_the_general_network_trains_exactly_like_the_blogs_network()
    {
        var blog = new SimpleNeuralNetwork(4, 42);
        var general = NeuralNetwork.Create([2, 4, 1], Activation.Sigmoid, Activation.Sigmoid, Initializer.Uniform, seed: 42);

        var expected = blog.Train(Xor.Inputs, Xor.Targets, 500, 0.5);
        var actual = general.Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError, TrainingOptions.Blog(500, 0.5));

        Assert.Equal(expected.Losses, actual.Losses);
        Assert.Equal(blog.Weights1, general.Layers[0].Weights);
    }

    [Fact]
    public void Test_data_gets_its_loss_measured_after_every_epoch_and_the_history_names_the_loss()
    {
        var (train, test) = Datasets.Circle(200, 0.05, seed: 2).Split(0.25, seed: 1);
        var network = SmallNetwork();
        var options = new TrainingOptions { Epochs = 3, Optimizer = Optimizer.Adam(0.02), BatchSize = 25, TestData = test };

        var history = network.Train(train.X, train.y, Loss.BinaryCrossEntropy, options);

        Assert.Equal(3, history.TestLosses!.Count);
        Assert.Equal(Loss.BinaryCrossEntropy.Value(test.y, network.Predict(test.X)), history.TestLosses[^1], 1e-12);
        Assert.NotEqual(history.TestLosses[0], history.TestLosses[^1]);
        Assert.Equal("binary cross-entropy", history.LossName);
        Assert.Null(SmallNetwork().Train(train.X, train.y, Loss.BinaryCrossEntropy, options with { TestData = null }).TestLosses);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void Every_optimiser_learns_the_circle_with_mini_batches(string optimizer)
    {
        var data = Datasets.Circle(200, 0.05, seed: 2);
        var network = SmallNetwork();
        var options = new TrainingOptions { Epochs = 150, Optimizer = Optimizer.Parse(optimizer, optimizer == "adam" ? 0.02 : 0.3), BatchSize = 20, ShuffleSeed = 3 };

        var history = network.Train(data.X, data.y, Loss.BinaryCrossEntropy, options);

        Assert.True(history.LastLoss < history.Losses[0] / 4, $"{optimizer}: {history.Losses[0]} → {history.LastLoss}");
        Assert.True(Metrics.Accuracy(network.Predict(data.X), data.y) > 0.95);
    }

    [Fact]
    public void The_same_shuffle_seed_gives_the_same_run_and_another_seed_does_not()
    {
        var data = Datasets.Moons(120, 0.1, seed: 4);
        TrainingHistory Run(long shuffleSeed) => SmallNetwork().Train(data.X, data.y, Loss.BinaryCrossEntropy,
            new TrainingOptions { Epochs = 20, Optimizer = Optimizer.Sgd(0.5), BatchSize = 16, ShuffleSeed = shuffleSeed });

        Assert.Equal(Run(1).Losses, Run(1).Losses);
        Assert.NotEqual(Run(1).Losses, Run(2).Losses);
    }

    [Fact]
    public void Sgd_steps_by_the_learning_rate_times_the_mean_gradient()
    {
        var network = SmallNetwork();
        var data = Datasets.Xor(8, 0, seed: 5);
        var gradient = network.Backward(network.Forward(data.X), data.y, Loss.BinaryCrossEntropy).Weights[1]!;
        var before = network.Layers[0].Weights;

        network.Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Sgd(0.1) });

        Assert.Equal(before - gradient / 8 * 0.1, network.Layers[0].Weights);
        Assert.Equal(TrainingEngine.Fast, network.Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 0 }).Engine);
    }

    [Fact]
    public void Adams_first_step_moves_every_weight_by_about_the_learning_rate()
    {
        var network = SmallNetwork();
        var data = Datasets.Gaussian(40, 0.1, seed: 6);
        var before = network.Layers[0].Weights;

        network.Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Adam(0.01) });

        Assert.All((network.Layers[0].Weights - before).Enumerate(), step => Assert.Equal(0.01, Math.Abs(step), 4));
    }

    [Fact]
    public void Momentum_keeps_moving_in_the_direction_it_was_going()
    {
        var data = Datasets.Gaussian(40, 0.1, seed: 6);
        double Travel(Optimizer optimizer)
        {
            var network = SmallNetwork();
            var start = network.Layers[0].Weights;
            network.Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 10, Optimizer = optimizer });
            return (network.Layers[0].Weights - start).FrobeniusNorm();
        }

        Assert.True(Travel(Optimizer.Momentum(0.05, 0.9)) > 2 * Travel(Optimizer.Sgd(0.05)));
    }

    [Fact]
    public void L2_keeps_the_weights_smaller()
    {
        var data = Datasets.Spiral(100, 0.05, seed: 7);
        double WeightNorm(double l2)
        {
            var network = SmallNetwork();
            network.Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 200, Optimizer = Optimizer.Adam(0.02), L2 = l2 });
            return network.Layers.Sum(l => l.Weights.FrobeniusNorm());
        }

        Assert.True(WeightNorm(0.05) < 0.8 * WeightNorm(0));
    }

    [Theory]
    [InlineData(0, "batchSize", "0")]
    [InlineData(11, "batchSize", "11")]
    public void A_batch_size_outside_one_to_the_data_size_is_rejected(int batchSize, string parameter, string shown)
    {
        var data = Datasets.Xor(10, 0, seed: 1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SmallNetwork().Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 1, BatchSize = batchSize }));

        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(shown, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    public void A_negative_or_missing_l2_is_rejected(double l2, string shown)
    {
        var data = Datasets.Xor(10, 0, seed: 1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SmallNetwork().Train(data.X, data.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 1, L2 = l2 }));

        Assert.Equal("l2", e.ParamName);
        Assert.Contains(shown, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sgd", 0.0)]
    [InlineData("momentum", -1.0)]
    [InlineData("adam", double.PositiveInfinity)]
    public void Every_optimiser_rejects_a_learning_rate_that_is_not_a_positive_number(string name, double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.Parse(name, rate));

        Assert.Equal("learningRate", e.ParamName);
    }

    [Fact]
    public void Momentum_outside_zero_to_one_is_rejected() =>
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.Momentum(0.1, 1.0)).ParamName);

    [Theory]
    [InlineData("activation", "swish")]
    [InlineData("loss", "hinge")]
    [InlineData("optimizer", "rmsprop")]
    [InlineData("initializer", "orthogonal")]
    public void An_unknown_name_is_rejected_with_the_names_there_are(string parameter, string name)
    {
        ArgumentException e = parameter switch
        {
            "activation" => Assert.Throws<ArgumentException>(() => Activation.Parse(name)),
            "loss" => Assert.Throws<ArgumentException>(() => Loss.Parse(name)),
            "optimizer" => Assert.Throws<ArgumentException>(() => Optimizer.Parse(name, 0.1)),
            _ => Assert.Throws<ArgumentException>(() => Initializer.Parse(name)),
        };

        Assert.Equal(parameter, e.ParamName);
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_size_of_zero_is_rejected_with_its_position()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNetwork.Create([2, 0, 1], Activation.ReLU, Activation.Sigmoid));

        Assert.Equal("sizes[1]", e.ParamName);
        Assert.Contains("was 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linear_network_with_a_huge_rate_stops_with_the_epoch_and_keeps_finite_weights()
    {
        var network = NeuralNetwork.Create([2, 8, 1], Activation.Linear, Activation.Linear, Initializer.Xavier, seed: 1);
        var data = Datasets.Gaussian(50, 0.1, seed: 1);

        var e = Assert.Throws<TrainingDivergedException>(() =>
            network.Train(data.X, data.y, Loss.MeanSquaredError, new TrainingOptions { Epochs = 1000, Optimizer = Optimizer.Sgd(10) }));

        Assert.Contains("smaller learning rate", e.Message, StringComparison.Ordinal);
        Assert.All(network.Layers, l => Assert.True(l.Weights.IsAllFinite() && l.Bias.IsAllFinite()));
    }

    [Fact]
    public void The_trainer_picks_the_blog_engine_for_the_blogs_network_and_the_fast_engine_for_anything_else()
    {
        TrainingEngine EngineFor(TrainingOptions options, Loss? loss = null, Activation? hidden = null) =>
            NeuralNetwork.Create([2, 4, 1], hidden ?? Activation.Sigmoid, Activation.Sigmoid, Initializer.Uniform, 42)
                .Train(Xor.Inputs, Xor.Targets, loss ?? Loss.MeanSquaredError, options).Engine;
        var blog = TrainingOptions.Blog(3, 0.5);

        Assert.Equal(TrainingEngine.Blog, EngineFor(blog));
        Assert.Equal(TrainingEngine.StepByStep, EngineFor(blog with { Engine = TrainingEngine.StepByStep }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog with { Engine = TrainingEngine.Fast }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog with { SumGradients = false }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog with { BatchSize = 2 }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog with { L2 = 0.1 }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog with { Optimizer = Optimizer.Adam(0.1) }));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog, Loss.BinaryCrossEntropy));
        Assert.Equal(TrainingEngine.Fast, EngineFor(blog, hidden: Activation.Tanh));
        // The blog's network on data far larger than XOR: both cores pay for the other order of adding.
        var large = Datasets.Xor(16_384, 0.1, seed: 1);
        Assert.Equal(TrainingEngine.Blog, new SimpleNeuralNetwork(2, 1).Train(large.X, large.y, 1, 0.1).Engine);
        Assert.Equal(TrainingEngine.Fast, new SimpleNeuralNetwork(3, 1).Train(large.X, large.y, 1, 0.1).Engine);
    }

    [Fact]
    public void Asking_for_the_blog_engine_for_another_network_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SmallNetwork().Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError,
            TrainingOptions.Blog(1, 0.1) with { Engine = TrainingEngine.Blog }));

        Assert.Equal("engine", e.ParamName);
        Assert.Contains("2-6-1 (tanh, sigmoid)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_step_by_step_engine_replaces_the_matrices_at_every_step()
    {
        var network = SmallNetwork();
        var seen = new List<Matrix<double>>();

        network.Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 3, Engine = TrainingEngine.StepByStep },
            _ => seen.Add(network.Layers[0].Weights));

        Assert.Equal(3, seen.Distinct().Count());
        Assert.NotEqual(seen[0], seen[1]);
    }

    public static TheoryData<string, string, string> Mismatches() => new()
    {
        // output activation, loss, what the message must say
        { "softmax", "mse", "loss must be softmax-ce for a network whose output layer is softmax" },
        { "softmax", "bce", "loss bce needs a sigmoid output layer" },
        { "sigmoid", "softmax-ce", "loss softmax-ce needs a softmax output layer" },
        { "relu", "bce", "but the output layer is relu" },
        { "linear", "softmax-ce", "but the output layer is linear" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void A_loss_that_does_not_fit_the_output_layer_is_rejected_and_nothing_changes(string output, string loss, string message)
    {
        var network = NeuralNetwork.Create([2, 5, 3], Activation.Tanh, Activation.Parse(output), Initializer.Xavier, seed: 1);
        var y = Matrix<double>.Build.Dense(8, 3, (i, k) => i % 3 == k ? 1 : 0);
        var X = Datasets.Xor(8, 0, seed: 1).X;
        var (before, inputs, targets) = (network.Clone(), X.Clone(), y.Clone());

        var e = Assert.Throws<ArgumentException>(() => network.Train(X, y, Loss.Parse(loss), new TrainingOptions { Epochs = 2 }));

        Assert.Equal("loss", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        AssertUnchanged(before, network);
        Assert.Equal(inputs, X);
        Assert.Equal(targets, y);
    }

    [Fact]
    public void A_softmax_output_needs_at_least_two_outputs()
    {
        var network = NeuralNetwork.Create([2, 5, 1], Activation.Tanh, Activation.Softmax, Initializer.Xavier, seed: 1);

        var e = Assert.Throws<ArgumentException>(() => network.Train(Xor.Inputs, Xor.Targets, Loss.SoftmaxCrossEntropy, new TrainingOptions { Epochs = 2 }));

        Assert.Contains("at least 2 outputs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 0.5, "y row 0 must add up to 1")]
    [InlineData(2, 0, -0.25, "y[2, 0] must be from 0 to 1")]
    public void Softmax_cross_entropy_needs_rows_of_probabilities(int row, int column, double value, string message)
    {
        var network = NeuralNetwork.Create([2, 5, 2], Activation.Tanh, Activation.Softmax, Initializer.Xavier, seed: 1);
        var y = Matrix<double>.Build.Dense(4, 2, (i, k) => k == 0 ? 1 : 0);
        y[row, column] = value;

        var e = Assert.Throws<ArgumentException>(() => network.Train(Xor.Inputs, y, Loss.SoftmaxCrossEntropy, new TrainingOptions { Epochs = 2 }));

        Assert.Equal("y", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_first_target_out_of_range_is_named_in_row_order(bool sparse)
    {
        // 7 × 3 targets fill whole vectors and leave a tail; column after column, [5, 0] would come first.
        var network = NeuralNetwork.Create([2, 4, 3], Activation.Tanh, Activation.Softmax, Initializer.Xavier, seed: 1);
        var y = Matrix<double>.Build.Dense(7, 3, (i, k) => k == 0 ? 1 : 0);
        (y[5, 0], y[1, 2]) = (-1, 2);
        y = sparse ? Matrix<double>.Build.SparseOfMatrix(y) : y;

        var e = Assert.Throws<ArgumentException>(() => network.Train(Matrix<double>.Build.Dense(7, 2), y, Loss.SoftmaxCrossEntropy, new TrainingOptions { Epochs = 1 }));

        Assert.Contains("y[1, 2] must be from 0 to 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(0, 0)]
    public void A_target_out_of_range_in_the_last_or_first_entry_is_found(int row, int column)
    {
        var network = NeuralNetwork.Create([2, 4, 3], Activation.Tanh, Activation.Softmax, Initializer.Xavier, seed: 1);
        var y = Matrix<double>.Build.Dense(7, 3, (i, k) => k == 0 ? 1 : 0);
        y[row, column] = 1.25;

        var e = Assert.Throws<ArgumentException>(() => network.Train(Matrix<double>.Build.Dense(7, 2), y, Loss.SoftmaxCrossEntropy, new TrainingOptions { Epochs = 1 }));

        Assert.Contains($"y[{row}, {column}] must be from 0 to 1 for softmax cross-entropy, but was 1.25.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_cross_entropy_needs_targets_from_zero_to_one()
    {
        var y = Xor.Targets;
        y[1, 0] = 2;

        var e = Assert.Throws<ArgumentException>(() => SmallNetwork().Train(Xor.Inputs, y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 2 }));

        Assert.Equal("y", e.ParamName);
        Assert.Contains("y[1, 0] must be from 0 to 1 for binary cross-entropy, but was 2.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_data_is_checked_like_the_training_data()
    {
        var test = new Dataset("test", Matrix<double>.Build.Dense(3, 5), Matrix<double>.Build.Dense(3, 1));

        var e = Assert.Throws<ArgumentException>(() => SmallNetwork().Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy,
            new TrainingOptions { Epochs = 1, TestData = test }));

        Assert.Equal("options.TestData.X", e.ParamName);
        Assert.Contains("3×5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_null_argument_is_named()
    {
        var network = SmallNetwork();
        var options = new TrainingOptions { Epochs = 1 };
        void Check(string name, Action train) => Assert.Equal(name, Assert.Throws<ArgumentNullException>(train).ParamName);

        Check("network", () => Trainer.Train(null!, Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, options));
        Check("X", () => network.Train(null!, Xor.Targets, Loss.BinaryCrossEntropy, options));
        Check("y", () => network.Train(Xor.Inputs, null!, Loss.BinaryCrossEntropy, options));
        Check("loss", () => network.Train(Xor.Inputs, Xor.Targets, null!, options));
        Check("options", () => network.Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, null!));
        Check("options.Optimizer", () => network.Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, options with { Optimizer = null! }));
        Check("layers", () => new NeuralNetwork(null!));
        Check("sizes", () => NeuralNetwork.Create(null!, Activation.ReLU, Activation.Sigmoid));
        Check("hidden", () => NeuralNetwork.Create([2, 1], null!, Activation.Sigmoid));
        Check("random", () => new SimpleNeuralNetwork(4, (NeuralNotebooks.Random.NumpyRandom)null!));
    }

    [Fact]
    public void More_epochs_than_a_loss_history_can_hold_are_rejected_before_training()
    {
        var network = SmallNetwork();
        var before = network.Clone();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            network.Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = int.MaxValue }));

        Assert.Equal("epochs", e.ParamName);
        Assert.Contains("2147483647", e.Message, StringComparison.Ordinal);
        AssertUnchanged(before, network);
    }

    [Fact]
    public void A_loss_history_too_long_for_the_memory_is_rejected_before_training()
    {
        // The history of Array.MaxLength epochs, with test losses, needs about 69 GB as it grows; on a machine with
        // that much to spare the run would start, and the cancelled token stops it before its first epoch.
        var network = SmallNetwork();
        var options = new TrainingOptions { Epochs = Array.MaxLength, TestData = new Dataset("test", Xor.Inputs, Xor.Targets) };
        var needed = 2.0 * 2 * sizeof(double) * Array.MaxLength;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        var e = Record.Exception(() => network.Train(Xor.Inputs, Xor.Targets, Loss.BinaryCrossEntropy, options, cancellationToken: new CancellationToken(true)));

        if (available < needed)
        {
            var refused = Assert.IsType<ArgumentOutOfRangeException>(e);
            Assert.Equal("epochs", refused.ParamName);
            Assert.Contains("GB", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsType<OperationCanceledException>(e);
        }
    }

    [Fact]
    public void Softmax_rows_are_probabilities_even_for_huge_inputs()
    {
        var a = Activation.Softmax.Apply(Matrix<double>.Build.DenseOfRowArrays([1000.0, 1000, -1000], [1.0, 2, 3]));

        Assert.Equal(0.5, a[0, 0], 12);
        Assert.Equal(1.0, a.Row(1).Sum(), 12);
        Assert.True(a[1, 2] > a[1, 1] && a[1, 1] > a[1, 0]);
    }
}
