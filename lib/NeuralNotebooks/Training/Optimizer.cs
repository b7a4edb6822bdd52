using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Training;

/// <summary>
/// How a gradient becomes a step. The settings live here; each training run starts its own state
/// (momentum's velocities, Adam's moment estimates), so one optimiser value can be reused.
/// </summary>
/// <param name="Name">sgd, momentum or adam.</param>
/// <param name="LearningRate">The step size η.</param>
public abstract record Optimizer(string Name, double LearningRate)
{
    /// <summary>Plain gradient descent, the blog's: W ← W − η · g.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not a finite number above 0.</exception>
    public static Optimizer Sgd(double learningRate) => new SgdOptimizer(Checked(learningRate));

    /// <summary>Momentum: v ← μ · v − η · g, then W ← W + v. Steps keep going the way they were going.</summary>
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
    /// Adam: running means of the gradient (m) and of its square (v), bias-corrected, and the step
    /// η · m̂ / (√v̂ + ε): each weight gets a step size of its own.
    /// </summary>
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
    /// <exception cref="ArgumentException">The name is none of these.</exception>
    public static Optimizer Parse(string name, double learningRate, string parameterName = "optimizer") =>
        name.ToLowerInvariant() switch
        {
            "sgd" => Sgd(learningRate),
            "momentum" => Momentum(learningRate),
            "adam" => Adam(learningRate),
            _ => throw new ArgumentException($"{parameterName} must be one of sgd, momentum, adam, but was '{name}'.", parameterName),
        };

    /// <summary>Fresh state for one training run.</summary>
    internal abstract IOptimizerState Start();

    /// <inheritdoc />
    public sealed override string ToString() => $"{Name} (η = {LearningRate:G3})";

    private static double Checked(double learningRate)
    {
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        return learningRate;
    }
}

/// <summary>One training run's optimiser state: the new value of parameter <c>index</c> from its gradient.</summary>
internal interface IOptimizerState
{
    /// <summary>Called once before the steps of each update (Adam counts them).</summary>
    void NextUpdate();

    Matrix<double> Step(int index, Matrix<double> value, Matrix<double> gradient);
}

internal sealed record SgdOptimizer(double Rate) : Optimizer("sgd", Rate)
{
    internal override IOptimizerState Start() => new State(Rate);

    private sealed class State(double rate) : IOptimizerState
    {
        public void NextUpdate()
        {
        }

        public Matrix<double> Step(int index, Matrix<double> value, Matrix<double> gradient) => value - gradient * rate;
    }
}

internal sealed record MomentumOptimizer(double Rate, double Mu) : Optimizer("momentum", Rate)
{
    internal override IOptimizerState Start() => new State(Rate, Mu);

    private sealed class State(double rate, double momentum) : IOptimizerState
    {
        private readonly Dictionary<int, double[]> _velocity = [];

        public void NextUpdate()
        {
        }

        public Matrix<double> Step(int index, Matrix<double> value, Matrix<double> gradient)
        {
            var (w, g) = (Values(value), Values(gradient));
            if (!_velocity.TryGetValue(index, out var v))
            {
                _velocity[index] = v = new double[w.Length];
            }
            var next = new double[w.Length];
            for (var i = 0; i < w.Length; i++)
            {
                v[i] = v[i] * momentum - g[i] * rate;
                next[i] = w[i] + v[i];
            }
            return Matrix<double>.Build.Dense(value.RowCount, value.ColumnCount, next);
        }
    }

    /// <summary>A matrix's entries column after column, without copying when it is dense.</summary>
    internal static double[] Values(Matrix<double> matrix) => matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
}

internal sealed record AdamOptimizer(double Rate, double Beta1, double Beta2) : Optimizer("adam", Rate)
{
    private const double Epsilon = 1e-8;

    internal override IOptimizerState Start() => new State(this);

    private sealed class State(AdamOptimizer settings) : IOptimizerState
    {
        private readonly Dictionary<int, (double[] M, double[] V)> _moments = [];
        private int _t;

        public void NextUpdate() => _t++;

        public Matrix<double> Step(int index, Matrix<double> value, Matrix<double> gradient)
        {
            var (b1, b2, rate) = (settings.Beta1, settings.Beta2, settings.LearningRate);
            var (w, g) = (MomentumOptimizer.Values(value), MomentumOptimizer.Values(gradient));
            if (!_moments.TryGetValue(index, out var moments))
            {
                _moments[index] = moments = (new double[w.Length], new double[w.Length]);
            }
            var (m, v) = moments;
            var (correction1, correction2) = (1 - Math.Pow(b1, _t), 1 - Math.Pow(b2, _t));
            var next = new double[w.Length];
            for (var i = 0; i < w.Length; i++)
            {
                m[i] = m[i] * b1 + g[i] * (1 - b1);
                v[i] = v[i] * b2 + g[i] * g[i] * (1 - b2);
                next[i] = w[i] - rate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon);
            }
            return Matrix<double>.Build.Dense(value.RowCount, value.ColumnCount, next);
        }
    }
}
