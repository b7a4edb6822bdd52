using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Tests.Fixtures;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Network;

public class SimpleNeuralNetworkTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    [Fact]
    public void Seed_42_gives_the_blogs_initial_weights_bit_for_bit()
    {
        var network = new SimpleNeuralNetwork();

        AssertBits(ReferenceFiles.InitialWeights("weights1"), network.Weights1);
        AssertBits(ReferenceFiles.InitialWeights("weights2"), network.Weights2);
        AssertBits(ReferenceFiles.InitialWeights("bias1"), network.Bias1);
        AssertBits(ReferenceFiles.InitialWeights("bias2"), network.Bias2);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_does_not()
    {
        var a = new SimpleNeuralNetwork(6, seed: 5);
        var b = new SimpleNeuralNetwork(6, seed: 5);
        var c = new SimpleNeuralNetwork(6, seed: 6);

        Assert.Equal(a.Weights1, b.Weights1);
        Assert.Equal(a.Weights2, b.Weights2);
        Assert.Equal(a.Bias1, b.Bias1);
        Assert.Equal(a.Bias2, b.Bias2);
        Assert.NotEqual(a.Weights1, c.Weights1);
    }

    [Fact]
    public void Forward_keeps_each_step_and_computes_it_by_the_formulas()
    {
        // Weights chosen by hand so each step can be worked out on paper.
        var network = new SimpleNeuralNetwork(
            weights1: M.DenseOfRowArrays([1, -1], [2, 0]),
            bias1: M.DenseOfRowArrays([0.5, 0]),
            weights2: M.DenseOfRowArrays([1], [-2]),
            bias2: M.DenseOfRowArrays([0.25]));
        var X = M.DenseOfRowArrays([1, 1]);

        var pass = network.Forward(X);

        Assert.Equal(M.DenseOfRowArrays([3.5, -1]), pass.Z1);
        Assert.Equal(Sigmoid.Value(3.5), pass.A1[0, 0]);
        Assert.Equal(Sigmoid.Value(-1), pass.A1[0, 1]);
        Assert.Equal(pass.A1[0, 0] - 2 * pass.A1[0, 1] + 0.25, pass.Z2[0, 0], 15);
        Assert.Equal(Sigmoid.Value(pass.Z2[0, 0]), pass.A2[0, 0]);
        Assert.Same(pass.A2, pass.Output);
    }

    [Fact]
    public void Backward_computes_the_blogs_errors_and_deltas()
    {
        var network = new SimpleNeuralNetwork();
        var (X, y) = (Xor.Inputs, Xor.Targets);
        var pass = network.Forward(X);

        var back = network.Backward(pass, y);

        Assert.Equal(y - pass.A2, back.OutputError);
        Assert.Equal(back.OutputError.PointwiseMultiply(pass.A2.Map(a => a * (1 - a))), back.OutputDelta);
        Assert.Equal(back.OutputDelta * network.Weights2.Transpose(), back.HiddenError);
        Assert.Equal(back.HiddenError.PointwiseMultiply(pass.A1.Map(a => a * (1 - a))), back.HiddenDelta);
    }

    [Fact]
    public void Backward_does_not_change_the_weights_and_an_update_replaces_them()
    {
        var network = new SimpleNeuralNetwork();
        var before = network.Weights1;
        var snapshot = before.Clone();

        var back = network.Backward(network.Forward(Xor.Inputs), Xor.Targets);
        Assert.Same(before, network.Weights1);

        network.ApplyGradients(back.Gradients, 0.1);
        Assert.Equal(snapshot, before);
        Assert.Equal(snapshot - back.Gradients.Weights1 * 0.1, network.Weights1);
    }

    [Fact]
    public void Train_records_the_loss_of_every_epoch_and_the_blogs_every_hundredth()
    {
        var network = new SimpleNeuralNetwork();
        var reports = new List<EpochReport>();

        var history = network.Train(Xor.Inputs, Xor.Targets, epochs: 250, learningRate: 0.1, onEpoch: reports.Add);

        Assert.Equal(250, history.Epochs);
        Assert.Equal(Enumerable.Range(0, 250), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Equal(250, r.Epochs));
        Assert.Equal(history.Losses, reports.Select(r => r.Loss));
        Assert.Equal([0, 100, 200], history.Every(100).Select(p => p.Epoch));
        Assert.Equal(history.Losses[200], history.Every(100)[2].Loss);
    }

    [Fact]
    public void Each_recorded_loss_is_the_mean_squared_error_before_that_epochs_update()
    {
        var trained = new SimpleNeuralNetwork();
        var stepped = new SimpleNeuralNetwork();
        var (X, y) = (Xor.Inputs, Xor.Targets);

        var history = trained.Train(X, y, epochs: 3, learningRate: 0.5);

        for (var epoch = 0; epoch < 3; epoch++)
        {
            var pass = stepped.Forward(X);
            Assert.Equal((y - pass.A2).PointwisePower(2).Enumerate().Average(), history.Losses[epoch], 15);
            stepped.ApplyGradients(stepped.Backward(pass, y).Gradients, 0.5);
        }
        Assert.Equal(stepped.Weights1, trained.Weights1);
    }

    [Fact]
    public void Training_lowers_the_loss_and_a_long_run_learns_xor()
    {
        var network = new SimpleNeuralNetwork();

        var history = network.Train(Xor.Inputs, Xor.Targets, epochs: 10_000, learningRate: 1.0);

        Assert.True(history.LastLoss < history.Losses[0] / 100);
        Assert.True(network.Predict(0, 1) > 0.9 && network.Predict(1, 0) > 0.9);
        Assert.True(network.Predict(0, 0) < 0.1 && network.Predict(1, 1) < 0.1);
    }

    [Fact]
    public void Predicting_one_point_gives_the_same_number_as_its_row_in_a_batch()
    {
        var network = new SimpleNeuralNetwork(hiddenUnits: 3, seed: 11);
        var batch = network.Predict(Xor.NoisyInputs);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(batch[i, 0], network.Predict(Xor.NoisyInputs[i, 0], Xor.NoisyInputs[i, 1]));
        }
    }

    [Fact]
    public void A_clone_trains_independently_of_the_original()
    {
        var original = new SimpleNeuralNetwork();
        var clone = original.Clone();

        clone.Train(Xor.Inputs, Xor.Targets, epochs: 10);

        Assert.NotEqual(original.Weights1, clone.Weights1);
        Assert.Equal(new SimpleNeuralNetwork().Weights1, original.Weights1);
    }

    [Fact]
    public void Cancelling_stops_training_between_epochs()
    {
        using var cancellation = new CancellationTokenSource();
        var network = new SimpleNeuralNetwork();

        Assert.Throws<OperationCanceledException>(() =>
            network.Train(Xor.Inputs, Xor.Targets, 1000, 0.1, r => { if (r.Epoch == 5) cancellation.Cancel(); }, cancellation.Token));
    }

    private static void AssertBits(double[] expectedRowMajor, Matrix<double> actual)
    {
        var rowMajor = actual.ToRowMajorArray();
        Assert.Equal(expectedRowMajor.Select(BitConverter.DoubleToInt64Bits), rowMajor.Select(BitConverter.DoubleToInt64Bits));
    }
}
