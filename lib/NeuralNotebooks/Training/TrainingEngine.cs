namespace NeuralNotebooks.Training;

/// <summary>
/// Which code trains the network. Every engine computes the same mathematics (the formulas in <c>Activations/</c>,
/// <c>Losses/</c> and <c>Training/UpdateRules.cs</c>) in the same training loop (<see cref="Trainer"/>); they differ
/// in how they lay out and multiply the matrices.
/// </summary>
public enum TrainingEngine
{
    /// <summary>
    /// Let the trainer choose (the default): <see cref="Blog"/> for the blog's configuration on up to 32,768 examples ×
    /// hidden units (XOR has 16), <see cref="Fast"/> for everything else, where it is the faster.
    /// </summary>
    Automatic,

    /// <summary>
    /// The readable path: <see cref="Network.NeuralNetwork.Forward"/> and <see cref="Network.NeuralNetwork.Backward"/> on
    /// MathNet matrices, then a step that replaces each layer's matrices with new ones, as the notebooks show it.
    /// The reference the other engines are tested against; much slower.
    /// </summary>
    StepByStep,

    /// <summary>
    /// The blog's configuration only (sizes [2, H, 1], sigmoid layers, mean squared error, full batch, summed gradients,
    /// plain SGD, no L2), on flat arrays in the readable path's order of operations: the same numbers as
    /// <see cref="StepByStep"/> to the last bit, without allocating.
    /// </summary>
    Blog,

    /// <summary>
    /// Any network and options, on flat buffers: a vectorised (AVX-512) matrix product, both cores when a batch is big
    /// enough, nothing allocated per batch. It sums in a different order than <see cref="StepByStep"/> (and with fused
    /// multiply-adds), so it agrees with it to rounding: losses and weights within about 1e-9 relative after
    /// many epochs, as the tests check.
    /// </summary>
    Fast,
}
