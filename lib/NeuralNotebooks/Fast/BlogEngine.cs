using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Fast;

/// <summary>
/// The blog's training (a 2-H-1 sigmoid network, mean squared error, full batch, summed gradients, plain SGD) on flat
/// arrays allocated once: the <see cref="TrainingEngine.Blog"/> engine.
/// </summary>
/// <remarks>
/// Every sum is taken in the same order as the readable path (MathNet's products summed first to last, row sums from
/// the first row) and every formula is the library's one (<see cref="Sigmoid"/>, <see cref="MeanSquaredError"/>,
/// <see cref="SgdRule"/>), so both give the same numbers to the last bit; the tests check that. A step allocates nothing.
/// </remarks>
internal sealed class BlogEngine : ITrainingEngine
{
    private static readonly GradientScaling Summed = new(1, 0);

    private readonly NeuralNetwork _network;
    private readonly TrainingOptions _options;
    private readonly SgdRule _rule;
    private readonly int _rows;
    private readonly int _hidden;
    private readonly double[] _x;       // rows × 2
    private readonly double[] _y;       // rows
    private readonly double[] _gradient;
    private readonly double[] _a1;      // rows × hidden
    private readonly double[] _delta1;  // rows × hidden
    private readonly double[] _a2;      // rows
    private readonly double[] _delta2;  // rows
    private readonly int _w1, _b1, _w2, _b2;  // where each parameter starts in the flat arrays: W1 row by row, b1, W2, b2
    private double[] _weights;
    private double[] _spare;

    public BlogEngine(NeuralNetwork network, Matrix<double> X, Matrix<double> y, TrainingOptions options)
    {
        (_network, _options) = (network, options);
        _rule = new SgdRule(options.Optimizer.LearningRate);
        (_rows, _hidden) = (X.RowCount, network.Layers[0].Outputs);
        _x = X.ToRowMajorArray();
        _y = y.ToColumnMajorArray();
        (_w1, _b1, _w2, _b2) = (0, 2 * _hidden, 3 * _hidden, 4 * _hidden);
        // Padded to whole vectors (zero weights with zero gradients stay zero), so the update has no tail to handle.
        var length = (_b2 + Updates.Width) / Updates.Width * Updates.Width;
        (_weights, _spare, _gradient) = (new double[length], new double[length], new double[length]);
        var (first, second) = (network.Layers[0], network.Layers[1]);
        first.Weights.ToRowMajorArray().CopyTo(_weights, _w1);
        first.Bias.ToRowMajorArray().CopyTo(_weights, _b1);
        second.Weights.ToColumnMajorArray().CopyTo(_weights, _w2);
        _weights[_b2] = second.Bias[0, 0];
        _a1 = new double[_rows * _hidden];
        _delta1 = new double[_rows * _hidden];
        _a2 = new double[_rows];
        _delta2 = new double[_rows];
        // New matrices for the network, so matrices held from before training stay as they were.
        var build = Matrix<double>.Build;
        (first.Weights, first.Bias) = (build.DenseOfMatrix(first.Weights), build.DenseOfMatrix(first.Bias));
        (second.Weights, second.Bias) = (build.DenseOfMatrix(second.Weights), build.DenseOfMatrix(second.Bias));
    }

    public TrainingEngine Kind => TrainingEngine.Blog;

    /// <summary>The flat arrays: the activations and deltas of every example, and three copies of the weights.</summary>
    public static long EstimateBytes(NeuralNetwork network, int examples) =>
        sizeof(double) * ((long)examples * (2 * network.Layers[0].Outputs + 5) + 3 * (network.ParameterCount + Updates.Width));

    // Fully optimised from the first call: a sweep runs many short trainings, each too short to wait for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Forward(int start, int count)
    {
        var (h, w) = (_hidden, _weights);
        for (var i = 0; i < _rows; i++)
        {
            var (x0, x1) = (_x[2 * i], _x[2 * i + 1]);
            var z2 = 0.0;
            for (var j = 0; j < h; j++)
            {
                var a = Sigmoid.Value(x0 * w[_w1 + j] + x1 * w[_w1 + h + j] + w[_b1 + j]);
                _a1[i * h + j] = a;
                z2 += a * w[_w2 + j];
            }
            _a2[i] = Sigmoid.Value(z2 + w[_b2]);
        }
        return MeanSquaredError.Value(_y, _a2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Step(int count)
    {
        var (h, w, g) = (_hidden, _weights, _gradient);
        for (var i = 0; i < _rows; i++)
        {
            var a2 = _a2[i];
            var delta = MeanSquaredError.Gradient(_y[i], a2) * Sigmoid.DerivativeFromOutput(a2);
            _delta2[i] = delta;
            for (var j = 0; j < h; j++)
            {
                _delta1[i * h + j] = delta * w[_w2 + j] * Sigmoid.DerivativeFromOutput(_a1[i * h + j]);
            }
        }
        for (var j = 0; j < h; j++)
        {
            double gw10 = 0, gw11 = 0, gb1 = _delta1[j], gw2 = 0;
            for (var i = 0; i < _rows; i++)
            {
                var d = _delta1[i * h + j];
                gw10 += _x[2 * i] * d;
                gw11 += _x[2 * i + 1] * d;
                gw2 += _a1[i * h + j] * _delta2[i];
                if (i > 0)
                {
                    gb1 += d;
                }
            }
            (g[_w1 + j], g[_w1 + h + j], g[_b1 + j], g[_w2 + j]) = (gw10, gw11, gb1, gw2);
        }
        var gb2 = _delta2[0];
        for (var i = 1; i < _rows; i++)
        {
            gb2 += _delta2[i];
        }
        g[_b2] = gb2;
        return Updates.Apply(_rule, _weights, _gradient, _spare, default, default, Summed);
    }

    public void Commit() => (_weights, _spare) = (_spare, _weights);

    public void Undo() => Commit();

    public double TestLoss()
    {
        Publish();
        var test = _options.TestData!;
        var outputs = _network.Predict(test.X);
        var loss = Loss.MeanSquaredError.Value(test.y, outputs);
        return outputs.IsAllFinite() ? loss : double.NaN;
    }

    public void Publish()
    {
        var (first, second) = (_network.Layers[0], _network.Layers[1]);
        var (w1, b1, w2, b2) = (Storage(first.Weights), Storage(first.Bias), Storage(second.Weights), Storage(second.Bias));
        for (var j = 0; j < _hidden; j++)
        {
            // W1 is stored column after column: W1[0, j] then W1[1, j].
            (w1[2 * j], w1[2 * j + 1]) = (_weights[_w1 + j], _weights[_w1 + _hidden + j]);
            b1[j] = _weights[_b1 + j];
            w2[j] = _weights[_w2 + j];
        }
        b2[0] = _weights[_b2];
    }

    public StepSizes LastStep() => StepSizes.Of(_weights, _gradient, Summed);

    public void Dispose()
    {
    }

    private static double[] Storage(Matrix<double> matrix) =>
        matrix.AsColumnMajorArray() ?? throw new InvalidOperationException("The blog engine's matrices are dense.");
}
