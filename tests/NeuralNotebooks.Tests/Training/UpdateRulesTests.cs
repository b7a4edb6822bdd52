using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Training;

/// <summary>
/// Each optimiser's update against the formula worked out by hand, on a network of one weight and one bias
/// (a = x · w + b, E = ½ (y − a)², so ∂E/∂w = (a − y) · x and ∂E/∂b = a − y), on every engine that can train it.
/// </summary>
public class UpdateRulesTests
{
    private const double X = 0.5, Y = 2, W0 = 0.3, B0 = -0.1;

    public static TheoryData<string, TrainingEngine> Cases()
    {
        var cases = new TheoryData<string, TrainingEngine>();
        foreach (var optimizer in new[] { "sgd", "momentum", "adam" })
        {
            cases.Add(optimizer, TrainingEngine.StepByStep);
            cases.Add(optimizer, TrainingEngine.Fast);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Three_steps_move_the_weight_as_the_formula_says(string optimizer, TrainingEngine engine)
    {
        const double Rate = 0.1, L2 = 0.2;
        var network = new NeuralNetwork([new DenseLayer(M(W0), M(B0), Activation.Linear)]);

        network.Train(M(X), M(Y), Loss.MeanSquaredError,
            new TrainingOptions { Epochs = 3, Optimizer = Optimizer.Parse(optimizer, Rate), L2 = L2, Engine = engine });

        var (w, b) = ByHand(optimizer, Rate, L2, steps: 3);
        Assert.Equal(w, network.Layers[0].Weights[0, 0], 1e-15);
        Assert.Equal(b, network.Layers[0].Bias[0, 0], 1e-15);
    }

    [Fact]
    public void Adams_first_step_is_the_learning_rate_whatever_the_gradients_size()
    {
        // (For gradients far above ε = 1e-8; here ∂E/∂w < 0 at every scale, so w rises.)
        foreach (var scale in new[] { 1.0, 1e3, 1e6 })
        {
            var network = new NeuralNetwork([new DenseLayer(M(W0), M(B0), Activation.Linear)]);

            network.Train(M(X * scale), M(Y * scale), Loss.MeanSquaredError, new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Adam(0.01) });

            Assert.Equal(W0 + 0.01, network.Layers[0].Weights[0, 0], 1e-8);
        }
    }

    /// <summary>The updates written out one by one, as the optimisers' documentation gives them.</summary>
    private static (double W, double B) ByHand(string optimizer, double rate, double l2, int steps)
    {
        var (w, b) = (W0, B0);
        var (vw, vb, mw, mb, sw, sb) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (var t = 1; t <= steps; t++)
        {
            var a = X * w + b;
            var (gw, gb) = ((a - Y) * X + l2 * w, a - Y);
            switch (optimizer)
            {
                case "sgd":
                    (w, b) = (w - rate * gw, b - rate * gb);
                    break;
                case "momentum":
                    (vw, vb) = (0.9 * vw - rate * gw, 0.9 * vb - rate * gb);
                    (w, b) = (w + vw, b + vb);
                    break;
                default:
                    (mw, mb) = (0.9 * mw + 0.1 * gw, 0.9 * mb + 0.1 * gb);
                    (sw, sb) = (0.999 * sw + 0.001 * gw * gw, 0.999 * sb + 0.001 * gb * gb);
                    var step = rate * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(0.9, t));
                    (w, b) = (w - step * mw / (Math.Sqrt(sw) + 1e-8), b - step * mb / (Math.Sqrt(sb) + 1e-8));
                    break;
            }
        }
        return (w, b);
    }

    private static Matrix<double> M(double value) => Matrix<double>.Build.Dense(1, 1, value);
}
