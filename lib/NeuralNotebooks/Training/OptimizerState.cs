namespace NeuralNotebooks.Training;

/// <summary>
/// One training run's optimiser state, one slot per parameter array (each layer's weights, then its biases), allocated
/// when training starts so that steps allocate nothing.
/// </summary>
internal abstract class OptimizerState
{
    /// <summary>Called once before the steps of each update (Adam counts them).</summary>
    public virtual void NextUpdate()
    {
    }

    /// <summary>
    /// The new values of entries [start, start + w.Length) of parameter array <paramref name="parameter"/> into
    /// <paramref name="next"/>, from their summed gradient; returns the largest |new value|, or +∞ when a number written
    /// is not finite.
    /// </summary>
    public abstract double Step(int parameter, int start, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next, GradientScaling scaling);
}

internal sealed class SgdState(SgdRule rule) : OptimizerState
{
    public override double Step(int parameter, int start, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next, GradientScaling scaling) =>
        Updates.Apply(rule, w, gradientSum, next, default, default, scaling);
}

internal sealed class MomentumState(MomentumRule rule, IReadOnlyList<int> lengths) : OptimizerState
{
    private readonly AlignedDoubles[] _velocity = lengths.Select(n => new AlignedDoubles(n)).ToArray();

    public override double Step(int parameter, int start, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next, GradientScaling scaling) =>
        Updates.Apply(rule, w, gradientSum, next, _velocity[parameter].AsSpan(start, w.Length), default, scaling);
}

internal sealed class AdamState(AdamOptimizer settings, IReadOnlyList<int> lengths) : OptimizerState
{
    private readonly AlignedDoubles[] _m = lengths.Select(n => new AlignedDoubles(n)).ToArray();
    private readonly AlignedDoubles[] _v = lengths.Select(n => new AlignedDoubles(n)).ToArray();
    private AdamRule _rule;
    private int _t;

    public override void NextUpdate()
    {
        _t++;
        var stepSize = settings.LearningRate * Math.Sqrt(1 - Math.Pow(settings.Beta2, _t)) / (1 - Math.Pow(settings.Beta1, _t));
        _rule = new AdamRule(stepSize, settings.Beta1, settings.Beta2);
    }

    public override double Step(int parameter, int start, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next, GradientScaling scaling) =>
        Updates.Apply(_rule, w, gradientSum, next, _m[parameter].AsSpan(start, w.Length), _v[parameter].AsSpan(start, w.Length), scaling);
}
