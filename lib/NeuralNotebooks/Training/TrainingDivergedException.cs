namespace NeuralNotebooks.Training;

/// <summary>
/// Training stopped because the loss or a weight became NaN or infinite, almost always because the
/// learning rate is too large. The network keeps the weights of the last good epoch.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for the epoch at which training diverged.</summary>
    public TrainingDivergedException(int epoch, double learningRate, string what, TrainingHistory history)
        : base($"Training diverged at epoch {epoch}: {what} (learning rate {Guard.Format(learningRate)}). Try a smaller learning rate.")
    {
        Epoch = epoch;
        LearningRate = learningRate;
        History = history;
    }

    /// <summary>The epoch (from 0) at which the loss or a weight stopped being a finite number.</summary>
    public int Epoch { get; }

    /// <summary>The learning rate that was used.</summary>
    public double LearningRate { get; }

    /// <summary>Every finite loss measured, up to and including the diverging epoch when only its update failed.</summary>
    public TrainingHistory History { get; }
}
