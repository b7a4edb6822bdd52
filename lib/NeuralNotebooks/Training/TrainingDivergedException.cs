namespace NeuralNotebooks.Training;

/// <summary>
/// Training stopped because an output, the loss, a weight or the optimiser's state became NaN or infinite. The
/// network keeps the last weights that gave finite outputs on the batch they were used with; <see cref="Cause"/>
/// says what to change.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for the epoch at which training diverged.</summary>
    /// <param name="epoch">The epoch (from 0) whose step diverged.</param>
    /// <param name="cause">What made it diverge.</param>
    /// <param name="message">One line: what happened, and what to change.</param>
    /// <param name="learningRate">The learning rate that was used.</param>
    /// <param name="history">The losses measured up to the divergence.</param>
    public TrainingDivergedException(int epoch, DivergenceCause cause, string message, double learningRate, TrainingHistory history)
        : base(message)
    {
        Epoch = epoch;
        Cause = cause;
        LearningRate = learningRate;
        History = history;
    }

    /// <summary>The epoch (from 0) whose step made an output, the loss or a weight stop being a finite number.</summary>
    public int Epoch { get; }

    /// <summary>What made training diverge: the learning rate, L2, or the inputs.</summary>
    public DivergenceCause Cause { get; }

    /// <summary>The learning rate that was used.</summary>
    public double LearningRate { get; }

    /// <summary>
    /// Every loss measured with weights the network kept: the epochs before the divergence and, when any of its
    /// batches' losses were measured, the diverging epoch's (the mean over those batches).
    /// </summary>
    public TrainingHistory History { get; }
}
