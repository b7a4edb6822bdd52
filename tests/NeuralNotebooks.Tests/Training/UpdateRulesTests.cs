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

    [Fact]
    public void A_state_fallen_below_the_smallest_normal_double_is_kept_as_zero_and_changes_no_weight()
    {
        // Eleven weights, so that both the vector loop and the padded tail run: some means shrink into the subnormal
        // range this step (no gradient), one was subnormal already, one is NaN; the others are ordinary.
        const double Step = 0.01, Smallest = 2.2250738585072014E-308;
        double[] w = [0.3, -0.2, 0.05, 0.7, 0.1, -0.4, 0.25, 0.6, -0.15, 0.45, 0.2];
        double[] g = [0, 0, 1e-3, 0, -2e-3, 0, 0, 5e-4, 0, 0, 0];
        double[] m = [Smallest * 1.05, -Smallest, 1e-4, 3e-310, 2e-4, 1e-5, -Smallest * 1.1, 0, 4e-6, 1e-300, Smallest];
        double[] v = [1e-9, 1e-9, 1e-8, 1e-9, 1e-8, 1e-9, 1e-9, 0, 1e-9, 1e-9, 1e-9];
        var (first, second, next) = (m.ToArray(), v.ToArray(), new double[w.Length]);

        var largest = Updates.Apply(new AdamRule(Step, 0.9, 0.999), w, g, next, first, second, new GradientScaling(1, 0));

        for (var i = 0; i < w.Length; i++)
        {
            var mean = m[i] * 0.9 + g[i] * (1 - 0.9);
            var square = v[i] * 0.999 + g[i] * g[i] * (1 - 0.999);
            Assert.Equal(w[i] - Step * mean / (Math.Sqrt(square) + 1e-8), next[i]);
            Assert.Equal(Math.Abs(mean) < Smallest ? 0 : mean, first[i]);
            Assert.Equal(square, second[i]);
        }
        Assert.Equal(0, first[0]);   // 0.9 · 1.05 · the smallest normal: subnormal
        Assert.Equal(0, first[3]);
        Assert.Equal(1e-300 * 0.9, first[9]);
        Assert.Equal(next.Max(Math.Abs), largest);

        first[5] = double.NaN;
        Assert.Equal(double.PositiveInfinity, Updates.Apply(new AdamRule(Step, 0.9, 0.999), w, g, next, first, second, new GradientScaling(1, 0)));
        Assert.True(double.IsNaN(first[5]));
    }

    [Fact]
    public void A_momentum_fallen_below_the_smallest_normal_double_is_kept_as_zero()
    {
        double[] w = [0.3, -0.2, 0.05, 0.7, 0.1];
        double[] velocity = [3e-308, -1e-309, 1e-3, 0, -2.5e-308];
        var next = new double[w.Length];

        Updates.Apply(new MomentumRule(0.1, 0.9), w, new double[w.Length], next, velocity, default, new GradientScaling(1, 0));

        // v ← v · 0.9 with no gradient: 2.7e-308 and −2.25e-308 are still normal; −9e-310 is not.
        Assert.Equal([3e-308 * 0.9, 0, 1e-3 * 0.9, 0, -2.5e-308 * 0.9], velocity);
        Assert.Equal(w.Zip([3e-308 * 0.9, -1e-309 * 0.9, 1e-3 * 0.9, 0, -2.5e-308 * 0.9], (x, change) => x + change), next);
    }

    [Theory]
    [InlineData("sgd", 0.0)]
    [InlineData("momentum", 0.0)]
    [InlineData("adam", 0.0)]
    [InlineData("adam", 0.01)]
    public void Every_vector_width_steps_the_weights_to_the_same_bits(string optimizer, double l2)
    {
        // 37 weights: four 8-wide vectors (nine 4-wide) and a tail, with gradients, states and weights of every size.
        var random = new System.Random(7);
        double[] Draw() => Enumerable.Range(0, 37).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 3))).ToArray();
        var (w, g, m, v) = (Draw(), Draw(), Draw(), Draw().Select(Math.Abs).ToArray());
        m[5] = 2.5e-308;
        var scaling = new GradientScaling(1.0 / 64, l2);

        double[][] Step<TLanes>()
            where TLanes : struct, ILanes<TLanes>
        {
            var (next, first, second) = (new double[w.Length], m.ToArray(), v.ToArray());
            var largest = optimizer switch
            {
                "sgd" => Updates.ApplyAtWidth<SgdRule, TLanes>(new SgdRule(0.1), w, g, next, default, default, scaling),
                "momentum" => Updates.ApplyAtWidth<MomentumRule, TLanes>(new MomentumRule(0.1, 0.9), w, g, next, first, default, scaling),
                _ => Updates.ApplyAtWidth<AdamRule, TLanes>(new AdamRule(0.003, 0.9, 0.999), w, g, next, first, second, scaling),
            };
            return [next, first, second, [largest]];
        }

        var (native, wide) = (Step<NativeLanes>(), Step<WideLanes>());

        Assert.NotEqual(w, native[0]);
        for (var part = 0; part < native.Length; part++)
        {
            Assert.Equal(native[part].Select(BitConverter.DoubleToInt64Bits), wide[part].Select(BitConverter.DoubleToInt64Bits));
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
