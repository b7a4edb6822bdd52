using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Training;

/// <summary>
/// The readable engine: <see cref="NeuralNetwork.Forward"/>, <see cref="NeuralNetwork.Backward"/> and a step per layer on
/// MathNet matrices, each step replacing the layers' matrices with new ones. The reference the other engines are tested against.
/// </summary>
internal sealed class StepByStepEngine : ITrainingEngine
{
    private readonly NeuralNetwork _network;
    private readonly Matrix<double> _X;
    private readonly Matrix<double> _y;
    private readonly Loss _loss;
    private readonly TrainingOptions _options;
    private readonly int[] _order;
    private readonly OptimizerState _optimizer;
    private readonly (Matrix<double> Weights, Matrix<double> Bias)[] _next;
    private readonly (Matrix<double> Weights, Matrix<double> Bias)[] _previous;
    private NetworkPass? _pass;
    private Matrix<double>? _targets;
    private NetworkGradients? _gradients;
    private double _scale = 1;

    public StepByStepEngine(NeuralNetwork network, Matrix<double> X, Matrix<double> y, Loss loss, TrainingOptions options, int[] order)
    {
        (_network, _X, _y, _loss, _options, _order) = (network, X, y, loss, options, order);
        _optimizer = options.Optimizer.Start(network.Layers.SelectMany(l => new[] { l.Inputs * l.Outputs, l.Outputs }).ToList());
        _next = new (Matrix<double>, Matrix<double>)[network.Layers.Count];
        _previous = new (Matrix<double>, Matrix<double>)[network.Layers.Count];
    }

    public TrainingEngine Kind => TrainingEngine.StepByStep;

    /// <summary>
    /// MathNet's matrices per step: the forward pass's Z and A and the backward pass's deltas and errors per layer, each
    /// weight's gradient, new value and kept old value, the optimiser's state, and the batch's rows.
    /// </summary>
    public static long EstimateBytes(NeuralNetwork network, int batchSize, TrainingOptions options)
    {
        var sizes = network.Sizes;
        var perExample = sizes.Sum(s => (long)s) * 4 + sizes[0] + sizes[^1];
        return sizeof(double) * (network.ParameterCount * (4L + options.Optimizer.StatePerWeight) + batchSize * perExample);
    }

    public double Forward(int start, int count)
    {
        (_pass, _targets) = count == _X.RowCount ? (_network.Forward(_X), _y) : Rows(start, count);
        var loss = _loss.Value(_targets, _pass.Output);
        return _pass.Output.IsAllFinite() ? loss : double.NaN;
    }

    public double Step(int count)
    {
        _gradients = _network.Backward(_pass!, _targets!, _loss);
        _optimizer.NextUpdate();
        _scale = _options.SumGradients ? 1 : 1.0 / count;
        var largest = 0.0;
        for (var l = 0; l < _network.Layers.Count; l++)
        {
            var layer = _network.Layers[l];
            var weights = Stepped(2 * l, layer.Weights, _gradients.Weights[l + 1]!, _options.L2, ref largest);
            var bias = Stepped(2 * l + 1, layer.Bias, _gradients.Biases[l + 1]!, 0, ref largest);
            _next[l] = (weights, bias);
        }
        return largest;
    }

    public void Commit()
    {
        for (var l = 0; l < _network.Layers.Count; l++)
        {
            var layer = _network.Layers[l];
            _previous[l] = (layer.Weights, layer.Bias);
            (layer.Weights, layer.Bias) = _next[l];
        }
    }

    public void Undo()
    {
        for (var l = 0; l < _network.Layers.Count; l++)
        {
            (_network.Layers[l].Weights, _network.Layers[l].Bias) = _previous[l];
        }
    }

    public double TestLoss()
    {
        var test = _options.TestData!;
        var outputs = _network.Predict(test.X);
        var loss = _loss.Value(test.y, outputs);
        return outputs.IsAllFinite() ? loss : double.NaN;
    }

    public void Publish()
    {
    }

    public StepSizes LastStep()
    {
        var sizes = new StepSizes(0, 0);
        for (var l = 0; _gradients is not null && l < _network.Layers.Count; l++)
        {
            var layer = _network.Layers[l];
            sizes = sizes
                .Max(StepSizes.Of(Values(layer.Weights), Values(_gradients.Weights[l + 1]!), new GradientScaling(_scale, _options.L2)))
                .Max(StepSizes.Of(Values(layer.Bias), Values(_gradients.Biases[l + 1]!), new GradientScaling(_scale, 0)));
        }
        return sizes;
    }

    public void Dispose()
    {
    }

    /// <summary>A new matrix holding the optimiser's step from <paramref name="value"/>.</summary>
    private Matrix<double> Stepped(int parameter, Matrix<double> value, Matrix<double> gradientSum, double l2, ref double largest)
    {
        var next = new double[value.RowCount * value.ColumnCount];
        largest = Math.Max(largest, _optimizer.Step(parameter, 0, Values(value), Values(gradientSum), next, new GradientScaling(_scale, l2)));
        return Matrix<double>.Build.Dense(value.RowCount, value.ColumnCount, next);
    }

    /// <summary>A matrix's entries column after column, without copying when it is dense.</summary>
    private static double[] Values(Matrix<double> matrix) => matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();

    private (NetworkPass, Matrix<double>) Rows(int start, int count)
    {
        var xBatch = Matrix<double>.Build.Dense(count, _X.ColumnCount, (i, j) => _X[_order[start + i], j]);
        var yBatch = Matrix<double>.Build.Dense(count, _y.ColumnCount, (i, j) => _y[_order[start + i], j]);
        return (_network.Forward(xBatch), yBatch);
    }
}
