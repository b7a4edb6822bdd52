using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Tests.Activations;

/// <summary>Each activation's derivative against central finite differences of its own function: an independent oracle.</summary>
public class ActivationTests
{
    public static TheoryData<string> Entrywise() => new() { "sigmoid", "tanh", "relu", "leaky-relu", "linear" };

    [Theory]
    [MemberData(nameof(Entrywise))]
    public void The_derivative_from_the_output_is_the_functions_slope(string name)
    {
        var activation = Activation.Parse(name);
        foreach (var z in new[] { -3.0, -0.7, 0.2, 1.5, 4.0 })
        {
            const double H = 1e-6;
            var numeric = (activation.Function(z + H) - activation.Function(z - H)) / (2 * H);

            Assert.Equal(numeric, activation.DerivativeFromOutput(activation.Function(z)), 1e-8);
        }
    }

    [Theory]
    [MemberData(nameof(Entrywise))]
    public void The_span_kernels_apply_the_function_and_its_slope_to_every_entry(string name)
    {
        var activation = Activation.Parse(name);
        double[] z = [-2, -0.5, 0.25, 3, 7, -9, 0.1];
        var a = new double[z.Length];
        var gradient = new double[z.Length];

        activation.Apply(z, a, width: 7);
        activation.Backward(a, Enumerable.Repeat(2.0, z.Length).ToArray(), gradient, width: 7);

        Assert.Equal(z.Select(activation.Function), a);
        Assert.Equal(a.Select(x => 2 * activation.DerivativeFromOutput(x)), gradient);
    }

    [Fact]
    public void Softmax_backward_is_the_slope_of_the_softmax()
    {
        // E = Σ_k c_k · softmax(z)_k for fixed c: ∂E/∂z from Backward against finite differences.
        double[] z = [0.3, -1.2, 2.0, 0.7];
        double[] c = [1.5, -0.5, 0.25, 2.0];
        double Energy(double[] input)
        {
            var p = new double[input.Length];
            Activation.Softmax.Apply(input, p, input.Length);
            return p.Zip(c).Sum(pair => pair.First * pair.Second);
        }
        var a = new double[z.Length];
        Activation.Softmax.Apply(z, a, z.Length);
        var analytic = new double[z.Length];

        Activation.Softmax.Backward(a, c, analytic, z.Length);

        for (var k = 0; k < z.Length; k++)
        {
            const double H = 1e-6;
            var (plus, minus) = (z.ToArray(), z.ToArray());
            plus[k] += H;
            minus[k] -= H;
            Assert.Equal((Energy(plus) - Energy(minus)) / (2 * H), analytic[k], 1e-8);
        }
    }

    [Fact]
    public void Softmax_works_row_by_row()
    {
        var a = Activation.Softmax.Apply(Matrix<double>.Build.DenseOfRowArrays([1.0, 2, 3], [0.0, 0, 0]));

        Assert.Equal(1.0, a.Row(0).Sum(), 14);
        Assert.Equal(1.0 / 3, a[1, 2], 15);
    }

    [Fact]
    public void A_block_that_is_not_whole_rows_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.ReLU.Apply(new double[7], new double[7], width: 3));

        Assert.Equal("width", e.ParamName);
    }
}
