using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;
using static System.FormattableString;

namespace NeuralNotebooks.Bench;

/// <summary>
/// A real-size workload (W6, W7 of WORKLOADS.md): a ReLU network with a softmax output trained by Adam on mini-batches,
/// timed per epoch and judged by its accuracy on held-out data.
/// </summary>
/// <param name="Id">W6 or W7.</param>
/// <param name="Name">What it is.</param>
/// <param name="Train">The examples trained on.</param>
/// <param name="Test">The held-out examples accuracy is measured on.</param>
/// <param name="Hidden">The hidden layer's width.</param>
/// <param name="LearningRate">Adam's η.</param>
/// <param name="BatchSize">Examples per update.</param>
/// <param name="Epochs">Passes over the training data.</param>
internal sealed record ClassifierWorkload(string Id, string Name, Dataset Train, Dataset Test, int Hidden, double LearningRate, int BatchSize, int Epochs)
{
    /// <summary>The seed of the He initialiser and of the shuffle, as notebook 10 uses it.</summary>
    public const long Seed = 1;

    /// <summary>Inputs, hidden units, classes.</summary>
    public int[] Sizes => [Train.X.ColumnCount, Hidden, Train.y.ColumnCount];

    /// <summary>Notebook 10's training: 64-32-10 on three quarters of the digits, Adam 0.01, batches of 32, 30 epochs.</summary>
    public static ClassifierWorkload Digits()
    {
        var (train, test) = Data.Digits.Load().Split(testFraction: 0.25, seed: 1);
        return new("W6", "digits: 1,348 × 64-32-10, Adam, batches of 32", train, test, Hidden: 32, LearningRate: 0.01, BatchSize: 32, Epochs: 30);
    }

    /// <summary>Fashion-MNIST (<see cref="FashionMnist.Load(string?, Action{string}?)"/>): 60,000 training images, 784-128-10, Adam 0.001, batches of 64.</summary>
    public static ClassifierWorkload Fashion(Dataset train, Dataset test, int epochs) =>
        new("W7", "fashion-mnist: 60,000 × 784-128-10, Adam, batches of 64", train, test, Hidden: 128, LearningRate: 0.001, BatchSize: 64, Epochs: epochs);

    /// <summary>The network a learner creates for it: ReLU hidden units, softmax outputs, He weights.</summary>
    public NeuralNetwork CreateNetwork() => NeuralNetwork.Create(Sizes, Activation.ReLU, Activation.Softmax, Initializer.He, Seed);

    /// <summary>The options a learner passes to <see cref="Trainer.Train"/>.</summary>
    public TrainingOptions Options => new() { Epochs = Epochs, Optimizer = Optimizer.Adam(LearningRate), BatchSize = BatchSize, ShuffleSeed = Seed };

    /// <summary>The same training settings for the Python side, as command-line options.</summary>
    public IEnumerable<string> PythonArguments() =>
        [Id, Invariant($"--hidden={Hidden}"), Invariant($"--rate={LearningRate:R}"), Invariant($"--batch={BatchSize}"),
         Invariant($"--epochs={Epochs}"), Invariant($"--seed={Seed}")];
}
