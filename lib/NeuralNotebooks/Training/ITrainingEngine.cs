namespace NeuralNotebooks.Training;

/// <summary>
/// What <see cref="Trainer"/>'s loop asks of an engine, batch by batch. An engine keeps two sets of weights: the
/// current ones, and a spare the update writes to, so that a step can be undone after the next forward pass has
/// looked at what it did.
/// </summary>
internal interface ITrainingEngine : IDisposable
{
    /// <summary>Which engine this is, for <see cref="TrainingHistory.Engine"/>.</summary>
    TrainingEngine Kind { get; }

    /// <summary>
    /// The forward pass of the examples at positions [start, start + count) of the shuffled order (the whole data in its
    /// own order for a full batch) with the current weights; returns the batch's loss, or NaN when an output or the
    /// loss is not a finite number.
    /// </summary>
    double Forward(int start, int count);

    /// <summary>
    /// Backpropagation of the last forward pass (of <paramref name="count"/> examples) and the optimiser's update into
    /// the spare weights (the current ones are untouched); returns the largest |weight or bias| it wrote, or +∞ when a
    /// number it wrote (a weight or the optimiser's state) is not finite.
    /// </summary>
    double Step(int count);

    /// <summary>The spare weights the last step wrote become the current ones.</summary>
    void Commit();

    /// <summary>The weights from before the last committed step become the current ones again.</summary>
    void Undo();

    /// <summary>The loss on <see cref="TrainingOptions.TestData"/> with the current weights.</summary>
    double TestLoss();

    /// <summary>Makes the network's matrices hold the current weights (before a callback, and when training ends).</summary>
    void Publish();

    /// <summary>The sizes of the last step's two parts, to tell what made it diverge.</summary>
    StepSizes LastStep();
}

/// <summary>The largest entry of each part of a step's gradient, g = G · scale + λ · w.</summary>
/// <param name="Data">The largest |G · scale|: the data's gradient.</param>
/// <param name="L2">The largest |λ · w|: L2's pull.</param>
internal readonly record struct StepSizes(double Data, double L2)
{
    /// <summary>The largest |G · scale| and |λ · w| over one parameter array.</summary>
    public static StepSizes Of(ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, GradientScaling scaling)
    {
        var (data, l2) = (0.0, 0.0);
        for (var i = 0; i < w.Length; i++)
        {
            data = Math.Max(data, Math.Abs(gradientSum[i] * scaling.Scale));
            l2 = Math.Max(l2, Math.Abs(w[i] * scaling.L2));
        }
        return new StepSizes(data, l2);
    }

    /// <summary>The larger of each part.</summary>
    public StepSizes Max(StepSizes other) => new(Math.Max(Data, other.Data), Math.Max(L2, other.L2));
}
