using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Network;

/// <summary>
/// The backward pass's gradients against an independent oracle: central finite differences of
/// E = ½ Σ (y − A2)², computed from the forward pass alone.
/// </summary>
public class GradientCheckTests
{
    public static TheoryData<long, int> SeedsAndWidths => new()
    {
        { 42, 4 }, { 0, 1 }, { 7, 8 }, { 123, 2 }, { 2024, 16 }, { 99, 3 },
    };

    [Theory]
    [MemberData(nameof(SeedsAndWidths))]
    public void Backward_gradients_equal_central_finite_differences(long seed, int hidden)
    {
        var network = new SimpleNeuralNetwork(hidden, seed);
        // Random inputs and targets (not only XOR's corners) so no entry of a gradient is special.
        var random = new NumpyRandom(seed + 1);
        var X = random.Uniform(-2, 2, 6, 2);
        var y = random.Uniform(0, 1, 6, 1);

        var gradients = network.Backward(network.Forward(X), y).Gradients;

        AssertMatchesFiniteDifferences(network, X, y, n => n.Weights1, gradients.Weights1);
        AssertMatchesFiniteDifferences(network, X, y, n => n.Bias1, gradients.Bias1);
        AssertMatchesFiniteDifferences(network, X, y, n => n.Weights2, gradients.Weights2);
        AssertMatchesFiniteDifferences(network, X, y, n => n.Bias2, gradients.Bias2);
    }

    [Fact]
    public void A_wrong_gradient_would_be_caught_by_this_check()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        var (X, y) = (NeuralNotebooks.Data.Xor.Inputs, NeuralNotebooks.Data.Xor.Targets);
        var halved = network.Backward(network.Forward(X), y).Gradients.Weights2 * 0.5;

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertMatchesFiniteDifferences(network, X, y, n => n.Weights2, halved));
    }

    private static void AssertMatchesFiniteDifferences(
        SimpleNeuralNetwork network, Matrix<double> X, Matrix<double> y, Func<SimpleNeuralNetwork, Matrix<double>> parameter, Matrix<double> analytic) =>
        FiniteDifferences.AssertMatch(() => HalfSumOfSquares(network, X, y), parameter(network), analytic, "parameter", floor: 1e-12);

    private static double HalfSumOfSquares(SimpleNeuralNetwork network, Matrix<double> X, Matrix<double> y)
    {
        var difference = y - network.Forward(X).Output;
        return 0.5 * difference.PointwisePower(2).Enumerate().Sum();
    }
}
