using NeuralNotebooks.Activations;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Charts;

public class NetworkRecorderTests
{
    private static NeuralNetwork Fresh() => NeuralNetwork.Create([2, 4, 1], Activation.Sigmoid, Activation.Sigmoid, Initializer.Uniform, seed: 42);

    [Fact]
    public void The_recorder_keeps_the_start_every_kth_epoch_the_last_and_every_loss()
    {
        var network = Fresh();
        var recorder = new NetworkRecorder(network, every: 100, Loss.MeanSquaredError);

        var history = network.Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError, TrainingOptions.Blog(250, 1.0), recorder.Record);

        Assert.Equal([0, 100, 200, 250], recorder.Snapshots.Select(s => s.Epoch));
        Assert.Equal(history.Losses, recorder.Losses);
        Assert.Equal("mean squared error", recorder.LossName);
    }

    [Fact]
    public void A_snapshot_holds_the_weights_after_that_many_epochs_not_a_view_of_the_live_ones()
    {
        var network = Fresh();
        var recorder = new NetworkRecorder(network, every: 100);
        network.Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError, TrainingOptions.Blog(250, 1.0), recorder.Record);
        var after100 = Fresh();
        after100.Train(Xor.Inputs, Xor.Targets, Loss.MeanSquaredError, TrainingOptions.Blog(100, 1.0));

        Assert.Equal(Fresh().Layers[0].Weights, recorder.Snapshots[0].Weights[0]);
        Assert.Equal(after100.Layers[0].Weights, recorder.Snapshots[1].Weights[0]);
        Assert.Equal(after100.Layers[1].Bias, recorder.Snapshots[1].Biases[1]);
        Assert.Equal(network.Layers[1].Weights, recorder.Snapshots[^1].Weights[1]);
    }

    [Fact]
    public void The_blogs_network_is_recorded_with_its_loss_named()
    {
        var recorder = new NetworkRecorder(new SimpleNeuralNetwork(4, 42), every: 10);

        Assert.Equal("mean squared error", recorder.LossName);
        Assert.Single(recorder.Snapshots);
    }

    [Fact]
    public void A_recorder_needs_a_network_and_a_positive_interval()
    {
        Assert.Equal("every", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkRecorder(Fresh(), every: 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new NetworkRecorder((SimpleNeuralNetwork)null!, every: 1));
    }
}
