namespace NeuralNotebooks.Training;

/// <summary>
/// How a gradient becomes a step. The settings live here; each training run starts its own state
/// (momentum's velocities, Adam's moment estimates), so one optimiser value can be reused.
/// </summary>
/// <remarks>
/// Every optimiser steps each weight on its own, from g, the weight's gradient (the batch's mean gradient, or its
/// sum when <see cref="TrainingOptions.SumGradients"/> is set, plus λ · w with L2). The per-weight formulas live in
/// <c>Training/UpdateRules.cs</c>, written once for every training engine.
/// </remarks>
/// <param name="Name">sgd, momentum or adam.</param>
/// <param name="LearningRate">The step size η.</param>
public abstract record Optimizer(string Name, double LearningRate)
{
    /// <summary>Plain gradient descent, the blog's: w ← w − η · g.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not a finite number above 0.</exception>
    public static Optimizer Sgd(double learningRate) => new SgdOptimizer(Checked(learningRate));

    /// <summary>Momentum: v ← μ · v − η · g, then w ← w + v. Steps keep going the way they were going.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not above 0, or the momentum is not in [0, 1).</exception>
    public static Optimizer Momentum(double learningRate, double momentum = 0.9)
    {
        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum must be at least 0 and below 1, but was {Guard.Format(momentum)}.");
        }
        return new MomentumOptimizer(Checked(learningRate), momentum);
    }

    /// <summary>
    /// Adam: running means of the gradient (m) and of its square (v), and the step η_t · m / (√v + ε): each weight
    /// gets a step size of its own.
    /// </summary>
    /// <remarks>
    /// At update t (from 1): m ← β1 · m + (1 − β1) · g; v ← β2 · v + (1 − β2) · g²;
    /// w ← w − η_t · m / (√v + ε) with η_t = η · √(1 − β2^t) / (1 − β1^t) and ε = 1e-8. This is Kingma and Ba's
    /// "more efficient" order (section 2 of the paper; scikit-learn's and Keras's), which folds the two
    /// bias corrections into η_t: one division and one square root per weight.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not above 0, or a β is not in [0, 1).</exception>
    public static Optimizer Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999)
    {
        foreach (var (beta, name) in new[] { (beta1, nameof(beta1)), (beta2, nameof(beta2)) })
        {
            if (!(beta >= 0 && beta < 1))
            {
                throw new ArgumentOutOfRangeException(name, beta, $"{name} must be at least 0 and below 1, but was {Guard.Format(beta)}.");
            }
        }
        return new AdamOptimizer(Checked(learningRate), beta1, beta2);
    }

    /// <summary>sgd, momentum or adam, with default settings and this learning rate.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is none of these.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not a finite number above 0.</exception>
    public static Optimizer Parse(string name, double learningRate, string parameterName = "optimizer")
    {
        Guard.NotNull(name, parameterName);
        return name.ToLowerInvariant() switch
        {
            "sgd" => Sgd(learningRate),
            "momentum" => Momentum(learningRate),
            "adam" => Adam(learningRate),
            _ => throw new ArgumentException($"{parameterName} must be one of sgd, momentum, adam, but was '{name}'.", parameterName),
        };
    }

    /// <summary>How many numbers of state the optimiser keeps per weight (momentum 1, Adam 2).</summary>
    internal abstract int StatePerWeight { get; }

    /// <summary>Fresh state for one training run whose parameter arrays have these lengths.</summary>
    internal abstract OptimizerState Start(IReadOnlyList<int> parameterLengths);

    /// <inheritdoc />
    public sealed override string ToString() => $"{Name} (η = {LearningRate:G3})";

    private static double Checked(double learningRate)
    {
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        return learningRate;
    }
}

internal sealed record SgdOptimizer(double Rate) : Optimizer("sgd", Rate)
{
    internal override int StatePerWeight => 0;

    internal override OptimizerState Start(IReadOnlyList<int> parameterLengths) => new SgdState(new SgdRule(Rate));
}

internal sealed record MomentumOptimizer(double Rate, double Mu) : Optimizer("momentum", Rate)
{
    internal override int StatePerWeight => 1;

    internal override OptimizerState Start(IReadOnlyList<int> parameterLengths) => new MomentumState(new MomentumRule(Rate, Mu), parameterLengths);
}

internal sealed record AdamOptimizer(double Rate, double Beta1, double Beta2) : Optimizer("adam", Rate)
{
    internal override int StatePerWeight => 2;

    internal override OptimizerState Start(IReadOnlyList<int> parameterLengths) => new AdamState(this, parameterLengths);
}
