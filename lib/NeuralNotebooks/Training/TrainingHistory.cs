namespace NeuralNotebooks.Training;

/// <summary>The loss of every epoch of a training run.</summary>
/// <param name="Losses">Losses[e] is the loss of epoch e's forward pass, before its update.</param>
public sealed record TrainingHistory(IReadOnlyList<double> Losses)
{
    /// <summary>
    /// When training was given <see cref="TrainingOptions.TestData"/>: TestLosses[e] is the loss on the test data
    /// at the end of epoch e (after its updates); otherwise null.
    /// </summary>
    public IReadOnlyList<double>? TestLosses { get; init; }

    /// <summary>What the losses measure, for labels: "mean squared error" for the blog's loss.</summary>
    public string LossName { get; init; } = NeuralNotebooks.Losses.Loss.MeanSquaredError.LongName;

    /// <summary>The engine that trained (never <see cref="TrainingEngine.Automatic"/> for a history a training returned).</summary>
    public TrainingEngine Engine { get; init; }

    /// <summary>The number of epochs recorded.</summary>
    public int Epochs => Losses.Count;

    /// <summary>The loss of the last epoch recorded, or NaN when there was none.</summary>
    public double LastLoss => Losses.Count == 0 ? double.NaN : Losses[^1];

    /// <summary>
    /// The loss of every <paramref name="interval"/>-th epoch (0, interval, 2·interval, …): what the blog's
    /// <c>losses</c> list holds for an interval of 100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is below 1.</exception>
    public IReadOnlyList<LossPoint> Every(int interval = 100)
    {
        Guard.AtLeast(interval, 1, nameof(interval));
        var points = new List<LossPoint>();
        for (var epoch = 0; epoch < Losses.Count; epoch += interval)
        {
            points.Add(new LossPoint(epoch, Losses[epoch]));
        }
        return points;
    }
}

/// <summary>The loss at one epoch.</summary>
public sealed record LossPoint(int Epoch, double Loss);
