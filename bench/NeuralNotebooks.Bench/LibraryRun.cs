using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Bench;

/// <summary>
/// Trains W1–W5 the way a learner's code does, through the library's public API only: the blog's network
/// (<see cref="SimpleNeuralNetwork.Train"/>), the sweep (<see cref="LearningRateSweep.Run"/>), and the general
/// network's <see cref="Trainer.Train"/> with the blog's options.
/// </summary>
internal static class LibraryRun
{
    public static LossRun Time(Workload w) => w.Id switch
    {
        "W3" => Sweep(w),
        "W4" or "W5" => General(w),
        _ => Blog(w),
    };

    private static LossRun Blog(Workload w)
    {
        var network = new SimpleNeuralNetwork(hiddenUnits: 4, seed: 42);
        var (seconds, bytes) = Measure(w, () => network.Train(w.X, w.y, w.Epochs, w.Rates[0]));
        return new(seconds, Loss.MeanSquaredError.Value(w.y, network.Predict(w.X)), bytes);
    }

    private static LossRun Sweep(Workload w)
    {
        IReadOnlyList<SweepRun> runs = [];
        var (seconds, bytes) = Measure(w, () => runs = LearningRateSweep.Run(w.Rates, w.X, w.y, w.Epochs, hiddenUnits: 4, seed: 42));
        return new(seconds, runs.Sum(r => Loss.MeanSquaredError.Value(w.y, r.Network!.Predict(w.X))), bytes);
    }

    // The weights are drawn after the data from one generator (WORKLOADS.md), so the network is built from them
    // with the public constructors rather than NeuralNetwork.Create, which seeds a generator of its own.
    private static LossRun General(Workload w)
    {
        var network = new NeuralNetwork(w.Layers.Select(l => new DenseLayer(l.Weights, l.Bias, Activation.Sigmoid)));
        var (seconds, bytes) = Measure(w, () => network.Train(w.X, w.y, Loss.MeanSquaredError, TrainingOptions.Blog(w.Epochs, w.Rates[0])));
        return new(seconds, Loss.MeanSquaredError.Value(w.y, network.Predict(w.X)), bytes);
    }

    private static (double Seconds, double BytesPerEpoch) Measure(Workload w, Action train) => Measurement.Of(train, w.EpochsInAll);
}
