namespace NeuralNotebooks.Training;

/// <summary>What made training diverge, as <see cref="TrainingDivergedException.Cause"/> names it.</summary>
public enum DivergenceCause
{
    /// <summary>The steps are too large for the weights: a smaller learning rate fixes it.</summary>
    LearningRate,

    /// <summary>
    /// L2's pull λ · W outweighed the data's own gradient in the step that diverged: λ is too large for this
    /// learning rate.
    /// </summary>
    L2,

    /// <summary>
    /// The data is too large for the network: its outputs or loss were not finite even with the starting weights, or
    /// the inputs are so large (a million or more) that every product overflows. Scale the inputs to about −1 … 1.
    /// </summary>
    Inputs,
}
