namespace NeuralNotebooks.Training;

/// <summary>
/// What a learning rate did to a run of a sweep, judged against a target loss by
/// <see cref="LearningRateSweep.Regimes"/> (which gives the rules as formulas).
/// </summary>
public enum LearningRateRegime
{
    /// <summary>Too small: the loss only ever went down, but never reached the target in the epochs trained.</summary>
    TooSmall,

    /// <summary>About right: the loss reached the target, and no smaller rate of the sweep got there sooner.</summary>
    AboutRight,

    /// <summary>
    /// Too large, overshooting: the steps jump past the valley. The loss reached the target later than with some
    /// smaller rate, or it rose on the way and never reached the target.
    /// </summary>
    Overshooting,

    /// <summary>
    /// Too large, stuck: the first steps pushed the neurons into saturation (their slopes vanish), and the loss
    /// climbed to a plateau no lower than where it started, such as 0.5 for XOR, and stayed there.
    /// </summary>
    Saturated,

    /// <summary>Far too large: a weight or the loss overflowed and training stopped.</summary>
    Diverged,
}
