using NeuralNotebooks.Data;

namespace NeuralNotebooks.Training;

/// <summary>How to train: for how long, with which optimiser, on batches of what size, with how much L2.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the whole data set (0 or more).</summary>
    public required int Epochs { get; init; }

    /// <summary>The optimiser and its learning rate; plain SGD at 0.1, the blog's, when not given.</summary>
    public Optimizer Optimizer { get; init; } = Optimizer.Sgd(0.1);

    /// <summary>Examples per update; null for the whole data set at once (the blog's "full batch").</summary>
    public int? BatchSize { get; init; }

    /// <summary>The order of the examples is shuffled every epoch from this seed (mini-batches only).</summary>
    public long ShuffleSeed { get; init; }

    /// <summary>L2 regularisation λ: each weight's gradient gets λ · W, pulling weights towards 0. Biases are left alone.</summary>
    public double L2 { get; init; }

    /// <summary>
    /// False (the default): a batch's gradient is the mean over its examples, so the step does not grow with
    /// the batch. True: the sum, as the blog's update does.
    /// </summary>
    public bool SumGradients { get; init; }

    /// <summary>
    /// Examples held out from training; when given, the loss on them is measured at the end of every epoch
    /// (<see cref="TrainingHistory.TestLosses"/>), so train and test loss can be drawn side by side.
    /// </summary>
    public Dataset? TestData { get; init; }

    /// <summary>
    /// Which engine trains: <see cref="TrainingEngine.Automatic"/> (the default) picks the fastest one that computes
    /// these options; <see cref="TrainingEngine.StepByStep"/> asks for the readable path, to watch it or to compare with it.
    /// <see cref="TrainingHistory.Engine"/> says which one ran.
    /// </summary>
    public TrainingEngine Engine { get; init; }

    /// <summary>The blog's training: full batch, summed gradients, plain SGD at this rate.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not a finite number above 0.</exception>
    public static TrainingOptions Blog(int epochs, double learningRate) =>
        new() { Epochs = epochs, Optimizer = Optimizer.Sgd(learningRate), SumGradients = true };
}
