using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Tests.Losses;

/// <summary>Each loss's value by hand, its gradient against finite differences, and its closed-form output delta against the chain rule.</summary>
public class LossTests
{
    private static readonly Matrix<double> Targets = Matrix<double>.Build.DenseOfRowArrays([1.0, 0, 0], [0.0, 0, 1]);
    private static readonly Matrix<double> Outputs = Matrix<double>.Build.DenseOfRowArrays([0.7, 0.2, 0.1], [0.1, 0.3, 0.6]);

    [Fact]
    public void The_values_are_the_formulas_worked_by_hand()
    {
        Assert.Equal((0.09 + 0.04 + 0.01 + 0.01 + 0.09 + 0.16) / 6, Loss.MeanSquaredError.Value(Targets, Outputs), 15);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.6)) / 2, Loss.SoftmaxCrossEntropy.Value(Targets, Outputs), 15);
        var bce = -(Math.Log(0.7) + Math.Log(0.8) + Math.Log(0.9) + Math.Log(0.9) + Math.Log(0.7) + Math.Log(0.6)) / 2;
        Assert.Equal(bce, Loss.BinaryCrossEntropy.Value(Targets, Outputs), 14);
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("bce")]
    [InlineData("softmax-ce")]
    public void The_gradient_is_the_slope_of_the_summed_loss(string name)
    {
        var loss = Loss.Parse(name);
        var analytic = loss.Gradient(Targets, Outputs);
        for (var i = 0; i < Outputs.RowCount; i++)
        {
            for (var k = 0; k < Outputs.ColumnCount; k++)
            {
                const double H = 1e-7;
                var (plus, minus) = (Outputs.Clone(), Outputs.Clone());
                plus[i, k] += H;
                minus[i, k] -= H;
                var numeric = (loss.Objective(Targets, plus) - loss.Objective(Targets, minus)) / (2 * H);
                Assert.Equal(numeric, analytic[i, k], 6);
            }
        }
    }

    [Theory]
    [InlineData("bce", "sigmoid")]
    [InlineData("softmax-ce", "softmax")]
    public void The_closed_form_output_delta_equals_the_gradient_sent_through_the_activation(string lossName, string activationName)
    {
        var (loss, activation) = (Loss.Parse(lossName), Activation.Parse(activationName));
        var random = new NumpyRandom(3);
        var a = activation.Apply(random.Uniform(-2, 2, 5, 3));
        var y = Matrix<double>.Build.Dense(5, 3, (i, k) => i % 3 == k ? 1 : 0);

        var closed = loss.OutputDelta(activation, y, a);
        var chained = activation.Backward(a, loss.Gradient(y, a));

        Assert.True((closed - chained).Enumerate().All(d => Math.Abs(d) < 1e-12));
    }

    [Fact]
    public void Mean_squared_error_sums_in_numpys_order()
    {
        // 300 squares: numpy splits them pairwise; the library's span kernel must too (NumpySum's tests pin that order).
        var random = new NumpyRandom(8);
        var (y, a) = (random.Uniform(0, 1, 300, 1).ToColumnMajorArray(), random.Uniform(0, 1, 300, 1).ToColumnMajorArray());
        var squares = y.Zip(a, (t, o) => (t - o) * (t - o)).ToArray();

        Assert.Equal(NumpySum.Pairwise(squares) / 300, MeanSquaredError.Value(y, a));
    }
}
