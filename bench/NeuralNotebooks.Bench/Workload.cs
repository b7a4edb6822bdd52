using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Bench;

/// <summary>One benchmark workload's inputs (shared/bench/WORKLOADS.md), drawn from numpy's generator as numpy draws them.</summary>
/// <param name="Id">W1 … W5.</param>
/// <param name="Name">What it is.</param>
/// <param name="X">The inputs.</param>
/// <param name="y">The targets.</param>
/// <param name="Layers">The starting weights and biases (W1–W3: the blog's, which <c>new SimpleNeuralNetwork(4, seed: 42)</c> draws too).</param>
/// <param name="Rates">One learning rate, or W3's 64.</param>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="ExpectedLoss">numpy 1.24.2's final loss (W3: the sum over the 64 runs).</param>
internal sealed record Workload(
    string Id, string Name, Matrix<double> X, Matrix<double> y, IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Layers,
    double[] Rates, int Epochs, double ExpectedLoss)
{
    public int EpochsInAll => Rates.Length * Epochs;

    public static IReadOnlyList<Workload> All() => [W1(), W2(), W3(), W4(), W5()];

    private static IReadOnlyList<(Matrix<double>, Matrix<double>)> Blog() =>
        Initializer.Uniform.Draw([2, 4, 1], new NumpyRandom(42));

    private static Workload W1() => new("W1", "seed: XOR 2-4-1, 1,000 epochs", Xor.Inputs, Xor.Targets, Blog(), [0.1], 1_000, 0.23916934302051956);

    private static Workload W2() => new("W2", "xor-long: 200,000 epochs", Xor.Inputs, Xor.Targets, Blog(), [0.1], 200_000, 4.830509045381584e-05);

    private static Workload W3() => new("W3", "lr-sweep: 64 rates x 10,000 epochs", Xor.Inputs, Xor.Targets, Blog(),
        Enumerable.Range(0, 64).Select(i => 0.01 * Math.Pow(1000, i / 63.0)).ToArray(), 10_000, 1.8449805990682788);

    private static Workload W4()
    {
        var random = new NumpyRandom(4);
        var X = random.Uniform(-1, 1, 10_000, 2);
        var y = Matrix<double>.Build.Dense(10_000, 1, (i, _) => X[i, 0] * X[i, 1] < 0 ? 1 : 0);
        return new("W4", "wide: 10,000 x 2-256-1, 100 epochs", X, y, Initializer.Scaled.Draw([2, 256, 1], random), [1e-5], 100, 0.24982050329887);
    }

    private static Workload W5()
    {
        var random = new NumpyRandom(5);
        var X = random.Uniform(0, 1, 4096, 64);
        var labels = Enumerable.Range(0, 4096).Select(_ => (int)Math.Floor(10 * random.Uniform(0, 1))).ToArray();
        var y = Matrix<double>.Build.Dense(4096, 10, (i, k) => labels[i] == k ? 1 : 0);
        return new("W5", "deep: 4,096 x 64-256-256-10, 50 epochs", X, y, Initializer.Scaled.Draw([64, 256, 256, 10], random), [2.5e-5], 50, 0.08998567025971185);
    }
}
