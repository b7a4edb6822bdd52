using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Training;

/// <summary>
/// Divergence is caught at the step that causes it: that step is undone, the network keeps finite weights that give
/// finite outputs, and the exception names the cause (learning rate, L2 or inputs).
/// </summary>
public class DivergenceTests
{
    private static readonly Dataset Spiral = Datasets.Generate("spiral", 160, 0.1, seed: 1);

    /// <summary>Every optimiser × hidden activation × a huge rate, with a sigmoid and a linear output, full and mini batches.</summary>
    public static TheoryData<string, string, double> Search()
    {
        var cases = new TheoryData<string, string, double>();
        foreach (var optimizer in new[] { "sgd", "momentum", "adam" })
        {
            foreach (var activation in new[] { "sigmoid", "tanh", "relu", "leaky-relu", "linear" })
            {
                foreach (var rate in new[] { 1e3, 1e30, 1e150, 1e300 })
                {
                    cases.Add(optimizer, activation, rate);
                }
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Search))]
    public void Every_run_returns_finite_predictions_or_stops_with_finite_weights(string optimizer, string activation, double rate)
    {
        foreach (var engine in new[] { TrainingEngine.Fast, TrainingEngine.StepByStep })
        {
            foreach (var (output, loss, batch) in new[] { (Activation.Sigmoid, Loss.BinaryCrossEntropy, (int?)null), (Activation.Linear, Loss.MeanSquaredError, 32) })
            {
                for (var epochs = 1; epochs <= 3; epochs++)
                {
                    var network = NeuralNetwork.Create([2, 8, 8, 1], Activation.Parse(activation), output, Initializer.He, seed: 1);
                    var options = new TrainingOptions { Epochs = epochs, Optimizer = Optimizer.Parse(optimizer, rate), BatchSize = batch, Engine = engine };
                    var run = $"{engine} {optimizer} {activation} → {output.Name}, η = {rate:G}, batch {batch}, {epochs} epochs";
                    try
                    {
                        network.Train(Spiral.X, Spiral.y, loss, options);
                    }
                    catch (TrainingDivergedException e)
                    {
                        Assert.True(network.Layers.All(l => l.Weights.IsAllFinite() && l.Bias.IsAllFinite()), $"{run}: non-finite weights after {e.Message}");
                        Assert.All(e.History.Losses, l => Assert.True(double.IsFinite(l), run));
                    }
                    Assert.True(network.Predict(Spiral.X).IsAllFinite(), $"{run}: predicts NaN or ∞ on its training data");
                }
            }
        }
    }

    [Fact]
    public void A_huge_learning_rate_is_named_as_the_cause()
    {
        var network = NeuralNetwork.Create([2, 8, 8, 1], Activation.ReLU, Activation.Sigmoid, Initializer.He, seed: 1);

        var e = Assert.Throws<TrainingDivergedException>(() =>
            network.Train(Spiral.X, Spiral.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Adam(1e300), BatchSize = 160 }));

        Assert.Equal(DivergenceCause.LearningRate, e.Cause);
        Assert.Equal(0, e.Epoch);
        Assert.Contains("learning rate 1E+300", e.Message, StringComparison.Ordinal);
        Assert.Contains("Try a smaller learning rate.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void An_l2_of_1e308_is_named_as_the_cause(string optimizer)
    {
        var network = NeuralNetwork.Create([2, 8, 8, 1], Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed: 1);
        var options = new TrainingOptions { Epochs = 5, Optimizer = Optimizer.Parse(optimizer, 0.01), L2 = 1e308 };

        var e = Assert.Throws<TrainingDivergedException>(() => network.Train(Spiral.X, Spiral.y, Loss.BinaryCrossEntropy, options));

        Assert.Equal(DivergenceCause.L2, e.Cause);
        Assert.Contains("l2 = 1E+308", e.Message, StringComparison.Ordinal);
        Assert.True(network.Predict(Spiral.X).IsAllFinite());
    }

    [Theory]
    [InlineData("sgd", "relu")]
    [InlineData("adam", "relu")]
    [InlineData("sgd", "leaky-relu")]
    [InlineData("momentum", "linear")]
    public void Inputs_scaled_by_1e200_are_named_as_the_cause(string optimizer, string activation)
    {
        var network = NeuralNetwork.Create([2, 8, 8, 1], Activation.Parse(activation), Activation.Sigmoid, Initializer.He, seed: 1);
        var options = new TrainingOptions { Epochs = 5, Optimizer = Optimizer.Parse(optimizer, 0.01) };

        var e = Assert.Throws<TrainingDivergedException>(() => network.Train(Spiral.X * 1e200, Spiral.y, Loss.BinaryCrossEntropy, options));

        Assert.Equal(DivergenceCause.Inputs, e.Cause);
        Assert.Contains("the inputs reach 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Scale the data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_too_large_for_the_starting_weights_are_named_as_the_cause()
    {
        var network = NeuralNetwork.Create([2, 4, 1], Activation.Tanh, Activation.Linear, Initializer.Xavier, seed: 1);

        var e = Assert.Throws<TrainingDivergedException>(() =>
            network.Train(Spiral.X, Spiral.y * 1e200, Loss.MeanSquaredError, new TrainingOptions { Epochs = 3 }));

        Assert.Equal(DivergenceCause.Inputs, e.Cause);
        Assert.Equal(0, e.Epoch);
        Assert.Empty(e.History.Losses);
        Assert.Contains("the targets reach", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrainingEngine.Fast)]
    [InlineData(TrainingEngine.StepByStep)]
    public void The_step_that_diverged_is_undone(TrainingEngine engine)
    {
        // A linear network whose loss grows every epoch until a step makes it infinite.
        var options = new TrainingOptions { Epochs = 1000, Optimizer = Optimizer.Sgd(3), Engine = engine };
        var diverging = NeuralNetwork.Create([2, 8, 1], Activation.Linear, Activation.Linear, Initializer.Xavier, seed: 1);
        var e = Assert.Throws<TrainingDivergedException>(() => diverging.Train(Spiral.X, Spiral.y, Loss.MeanSquaredError, options));

        var stopped = NeuralNetwork.Create([2, 8, 1], Activation.Linear, Activation.Linear, Initializer.Xavier, seed: 1);
        var history = stopped.Train(Spiral.X, Spiral.y, Loss.MeanSquaredError, options with { Epochs = e.Epoch });

        Assert.True(e.Epoch >= 3, $"diverged at epoch {e.Epoch}");
        Assert.Equal(DivergenceCause.LearningRate, e.Cause);
        Assert.Equal(stopped.Layers[0].Weights, diverging.Layers[0].Weights);
        Assert.Equal(stopped.Layers[1].Bias, diverging.Layers[1].Bias);
        Assert.Equal(history.Losses, e.History.Losses.Take(e.Epoch));
        Assert.Equal(e.Epoch + 1, e.History.Epochs);   // the diverging epoch's own loss, measured before its step, too
    }

    [Fact]
    public void A_callback_never_sees_a_step_that_will_be_undone()
    {
        var network = NeuralNetwork.Create([2, 8, 1], Activation.Linear, Activation.Linear, Initializer.Xavier, seed: 1);
        var predictions = new List<Matrix<double>>();

        Assert.Throws<TrainingDivergedException>(() => network.Train(Spiral.X, Spiral.y, Loss.MeanSquaredError,
            new TrainingOptions { Epochs = 1000, Optimizer = Optimizer.Sgd(3) }, _ => predictions.Add(network.Predict(Spiral.X))));

        Assert.All(predictions, p => Assert.True(p.IsAllFinite()));
    }
}
