using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Network;

/// <summary>
/// Backpropagation of the general network against central finite differences of the loss's own objective E,
/// for every activation × loss × depth (1–3 hidden layers).
/// </summary>
public class NeuralNetworkGradientTests
{
    // Below this size a gradient entry is judged by its absolute error (Tolerance × Floor), where relative error means nothing.
    private const double Floor = 1e-4;

    public static TheoryData<string, string, int> Combinations()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var activation in Activation.All)
        {
            foreach (var loss in Loss.All)
            {
                for (var depth = 1; depth <= 3; depth++)
                {
                    data.Add(activation.Name, loss.Name, depth);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Backward_gradients_equal_central_finite_differences(string activationName, string lossName, int hiddenLayers)
    {
        var (activation, loss) = (Activation.Parse(activationName), Loss.Parse(lossName));
        // The output activation each loss is made for; with MSE, the activation under test is on the output too.
        var output = loss == Loss.BinaryCrossEntropy ? Activation.Sigmoid : loss == Loss.SoftmaxCrossEntropy ? Activation.Softmax : activation;
        var outputs = loss == Loss.BinaryCrossEntropy ? 1 : 3;
        int[] sizes = [3, .. Enumerable.Repeat(4, hiddenLayers), outputs];
        var network = NeuralNetwork.Create(sizes, activation, output, Initializer.Xavier, seed: 7 + hiddenLayers);
        RandomiseBiases(network, seed: 11);
        var random = new NumpyRandom(5);
        var X = random.Uniform(-1, 1, 5, 3);
        var y = Targets(loss, random, 5, outputs);

        var gradients = network.Backward(network.Forward(X), y, loss);

        for (var l = 1; l <= network.Layers.Count; l++)
        {
            var layer = network.Layers[l - 1];
            AssertFiniteDifferences(network, X, y, loss, layer.Weights, gradients.Weights[l]!, $"W{l}");
            AssertFiniteDifferences(network, X, y, loss, layer.Bias, gradients.Biases[l]!, $"b{l}");
        }
    }

    [Fact]
    public void The_check_catches_a_wrong_gradient()
    {
        var network = NeuralNetwork.Create([2, 3, 1], Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed: 1);
        var X = new NumpyRandom(2).Uniform(-1, 1, 4, 2);
        var y = Matrix<double>.Build.DenseOfRowArrays([0.0], [1.0], [1.0], [0.0]);
        var wrong = network.Backward(network.Forward(X), y, Loss.BinaryCrossEntropy).Weights[1]! * 1.01;

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertFiniteDifferences(network, X, y, Loss.BinaryCrossEntropy, network.Layers[0].Weights, wrong, "W1"));
    }

    private static Matrix<double> Targets(Loss loss, NumpyRandom random, int rows, int outputs)
    {
        if (loss == Loss.SoftmaxCrossEntropy)
        {
            // One-hot rows, the class drawn at random.
            return Matrix<double>.Build.Dense(rows, outputs, (i, k) => k == i % outputs ? 1 : 0);
        }
        return random.Uniform(0.05, 0.95, rows, outputs);
    }

    private static void RandomiseBiases(NeuralNetwork network, long seed)
    {
        // Xavier starts biases at 0; non-zero biases make the check cover the bias path fully.
        var random = new NumpyRandom(seed);
        foreach (var layer in network.Layers)
        {
            layer.Bias = random.Uniform(-0.5, 0.5, 1, layer.Outputs);
        }
    }

    private static void AssertFiniteDifferences(
        NeuralNetwork network, Matrix<double> X, Matrix<double> y, Loss loss, Matrix<double> parameter, Matrix<double> analytic, string name) =>
        FiniteDifferences.AssertMatch(() => loss.Objective(y, network.Predict(X)), parameter, analytic, name, Floor);
}
