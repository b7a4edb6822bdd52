using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Network;

/// <summary>Every bad input gets an ArgumentException that names the parameter and the value it got.</summary>
public class BadInputTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void A_learning_rate_that_is_not_a_positive_finite_number_is_rejected(double learningRate, string shown)
    {
        var network = new SimpleNeuralNetwork();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => network.Train(Xor.Inputs, Xor.Targets, 10, learningRate));

        AssertNames(e, "learningRate", shown);
        Assert.Equal(new SimpleNeuralNetwork().Weights1, network.Weights1);
    }

    [Fact]
    public void A_learning_rate_that_is_not_positive_is_rejected_by_a_single_update_too()
    {
        var network = new SimpleNeuralNetwork();
        var gradients = network.Backward(network.Forward(Xor.Inputs), Xor.Targets).Gradients;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => network.ApplyGradients(gradients, -1));

        AssertNames(e, "learningRate", "-1");
    }

    [Fact]
    public void A_negative_epoch_count_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleNeuralNetwork().Train(Xor.Inputs, Xor.Targets, -5));

        AssertNames(e, "epochs", "-5");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_hidden_width_below_one_is_rejected(int hidden)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleNeuralNetwork(hidden));

        AssertNames(e, "hiddenUnits", hidden.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Inputs_with_the_wrong_number_of_columns_are_rejected_with_their_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimpleNeuralNetwork().Forward(M.Dense(4, 3)));

        AssertNames(e, "X", "4×3");
    }

    [Fact]
    public void Inputs_with_no_rows_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimpleNeuralNetwork().Train(M.Dense(0, 2), M.Dense(0, 1), 1));

        AssertNames(e, "X", "0×2");
    }

    [Theory]
    [InlineData(3, 1, "3×1")]
    [InlineData(4, 2, "4×2")]
    public void Targets_that_do_not_fit_the_inputs_are_rejected_with_their_shape(int rows, int columns, string shown)
    {
        var network = new SimpleNeuralNetwork();

        var e = Assert.Throws<ArgumentException>(() => network.Train(Xor.Inputs, M.Dense(rows, columns), 1));
        AssertNames(e, "y", shown);

        var fromBackward = Assert.Throws<ArgumentException>(() => network.Backward(network.Forward(Xor.Inputs), M.Dense(rows, columns)));
        AssertNames(fromBackward, "y", shown);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_non_finite_input_is_rejected_with_its_position(double value, string shown)
    {
        var X = Xor.Inputs;
        X[2, 1] = value;

        var e = Assert.Throws<ArgumentException>(() => new SimpleNeuralNetwork().Train(X, Xor.Targets, 1));

        AssertNames(e, "X", shown);
        Assert.Contains("X[2, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_target_is_rejected_with_its_position()
    {
        var y = Xor.Targets;
        y[3, 0] = double.NegativeInfinity;

        var e = Assert.Throws<ArgumentException>(() => new SimpleNeuralNetwork().Train(Xor.Inputs, y, 1));

        AssertNames(e, "y", "-Infinity");
        Assert.Contains("y[3, 0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_point_to_predict_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleNeuralNetwork().Predict(0.5, double.NaN));

        AssertNames(e, "x2", "NaN");
    }

    [Fact]
    public void Given_weights_of_the_wrong_shape_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimpleNeuralNetwork(M.Dense(2, 3), M.Dense(1, 4), M.Dense(3, 1), M.Dense(1, 1)));

        AssertNames(e, "bias1", "1×4");
    }

    [Fact]
    public void A_learning_rate_too_large_stops_training_at_the_epoch_it_diverged_with_finite_weights()
    {
        var network = new SimpleNeuralNetwork();

        var e = Assert.Throws<TrainingDivergedException>(() => network.Train(Xor.Inputs, Xor.Targets, 100, learningRate: 1e308));

        Assert.InRange(e.Epoch, 0, 99);
        Assert.Contains($"epoch {e.Epoch}", e.Message, StringComparison.Ordinal);
        Assert.Contains("smaller learning rate", e.Message, StringComparison.Ordinal);
        // The history holds every loss that was measured: up to the epoch whose loss or update went wrong.
        Assert.InRange(e.History.Epochs, e.Epoch, e.Epoch + 1);
        Assert.True(network.Weights1.IsAllFinite() && network.Weights2.IsAllFinite());
        Assert.True(network.Bias1.IsAllFinite() && network.Bias2.IsAllFinite());
        Assert.All(e.History.Losses, loss => Assert.True(double.IsFinite(loss)));
    }

    private static void AssertNames(ArgumentException e, string parameter, string value)
    {
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }
}
