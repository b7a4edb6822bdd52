using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Network;

/// <summary>How a network's starting weights are drawn, from numpy's seeded generator.</summary>
/// <param name="Name">A short name: uniform, xavier, he or scaled.</param>
public abstract record Initializer(string Name)
{
    /// <summary>The blog's: every weight matrix from uniform(−1, 1), layer by layer, then every bias row the same way.</summary>
    public static Initializer Uniform { get; } = new BlogUniformInitializer();

    /// <summary>Xavier/Glorot: W from uniform(−r, r) with r = √(6 / (fanIn + fanOut)), biases 0. Suits sigmoid and tanh.</summary>
    public static Initializer Xavier { get; } = new ScaledUniformInitializer("xavier", (fanIn, fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut)));

    /// <summary>He: W from uniform(−r, r) with r = √(6 / fanIn), biases 0. Suits ReLU, which zeroes half its inputs.</summary>
    public static Initializer He { get; } = new ScaledUniformInitializer("he", (fanIn, _) => Math.Sqrt(6.0 / fanIn));

    /// <summary>
    /// Per layer, W from uniform(−1, 1) / √fanIn, then b from uniform(−1, 1) / √fanIn: the benchmark
    /// workloads' "scaled" weights.
    /// </summary>
    public static Initializer Scaled { get; } = new FanInScaledInitializer();

    /// <summary>Every initialiser the library offers.</summary>
    public static IReadOnlyList<Initializer> All { get; } = [Uniform, Xavier, He, Scaled];

    /// <summary>The initialiser with this name.</summary>
    /// <exception cref="ArgumentException">No initialiser has that name.</exception>
    public static Initializer Parse(string name, string parameterName = "initializer") =>
        All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{parameterName} must be one of {string.Join(", ", All.Select(i => i.Name))}, but was '{name}'.", parameterName);

    /// <summary>Draws (W, b) for layers of the given sizes, in this initialiser's order.</summary>
    public abstract IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Draw(IReadOnlyList<int> sizes, NumpyRandom random);

    /// <inheritdoc />
    public sealed override string ToString() => Name;

    private protected static IEnumerable<(int FanIn, int FanOut)> Layers(IReadOnlyList<int> sizes) =>
        sizes.Zip(sizes.Skip(1));
}

internal sealed record BlogUniformInitializer() : Initializer("uniform")
{
    public override IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Draw(IReadOnlyList<int> sizes, NumpyRandom random)
    {
        var weights = Layers(sizes).Select(l => random.Uniform(-1, 1, l.FanIn, l.FanOut)).ToList();
        var biases = Layers(sizes).Select(l => random.Uniform(-1, 1, 1, l.FanOut)).ToList();
        return weights.Zip(biases).ToList();
    }
}

internal sealed record ScaledUniformInitializer(string Label, Func<int, int, double> Range) : Initializer(Label)
{
    public override IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Draw(IReadOnlyList<int> sizes, NumpyRandom random) =>
        Layers(sizes).Select(l =>
        {
            var r = Range(l.FanIn, l.FanOut);
            return (random.Uniform(-r, r, l.FanIn, l.FanOut), Matrix<double>.Build.Dense(1, l.FanOut));
        }).ToList();
}

internal sealed record FanInScaledInitializer() : Initializer("scaled")
{
    public override IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Draw(IReadOnlyList<int> sizes, NumpyRandom random) =>
        Layers(sizes).Select(l =>
        {
            var scale = Math.Sqrt(l.FanIn);
            // Divide entry by entry, as numpy's `/ np.sqrt(fan_in)` does (not multiply by 1/√fanIn: other bits).
            var w = random.Uniform(-1, 1, l.FanIn, l.FanOut).Map(v => v / scale, Zeros.Include);
            var b = random.Uniform(-1, 1, 1, l.FanOut).Map(v => v / scale, Zeros.Include);
            return (w, b);
        }).ToList();
}
