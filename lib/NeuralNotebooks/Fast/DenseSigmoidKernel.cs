using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Fast;

/// <summary>
/// The blog's training, generalised to any number of sigmoid layers (the benchmark workloads' math), on flat
/// buffers allocated once, with matrix products on two cores:
/// a_l = σ(a_{l−1} · W_l + b_l); d_L = (out − y) ⊙ out(1 − out); d_{l−1} = (d_l · W_lᵀ) ⊙ a_{l−1}(1 − a_{l−1});
/// W_l ← W_l − (a_{l−1}ᵀ · d_l) · η; b_l ← b_l − Σ_rows d_l · η.
/// </summary>
/// <remarks>
/// Products use fused multiply-adds and a vectorised exponential, so results agree with the readable path to
/// about 1e-12 rather than to the last bit. An epoch allocates nothing.
/// </remarks>
internal sealed class DenseSigmoidKernel : IDisposable
{
    private readonly int _rows;
    private readonly int[] _sizes;
    private readonly double[] _y;
    private readonly double[][] _weights;       // [l]: sizes[l] × sizes[l+1]
    private readonly double[][] _biases;        // [l]: sizes[l+1]
    private readonly double[][] _activations;   // [0] = X; [l+1]: rows × sizes[l+1]
    private readonly double[][] _deltas;        // [l+1]: rows × sizes[l+1]
    private readonly double[][] _gradients;     // [l]: sizes[l] × sizes[l+1]
    private readonly double[] _transposed;      // the largest of a_lᵀ and W_lᵀ
    private readonly double[] _squares;
    private readonly double[][] _packs;         // one packing buffer per core
    private readonly TwoCores _cores = new();
    private readonly double[] _columnSums;      // the widest layer
    private readonly Action<int> _forward, _outputDelta, _transposeActivations, _weightGradient, _transposeWeights, _hiddenDelta, _update;
    private double _learningRate;
    private int _layer;

    public DenseSigmoidKernel(IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> layers, Matrix<double> X, Matrix<double> y)
    {
        _rows = X.RowCount;
        _sizes = [X.ColumnCount, .. layers.Select(l => l.Weights.ColumnCount)];
        _y = y.ToRowMajorArray();
        _weights = layers.Select(l => l.Weights.ToRowMajorArray()).ToArray();
        _biases = layers.Select(l => l.Bias.ToRowMajorArray()).ToArray();
        _activations = [X.ToRowMajorArray(), .. _sizes.Skip(1).Select(s => new double[_rows * s])];
        _deltas = [[], .. _sizes.Skip(1).Select(s => new double[_rows * s])];
        _gradients = _weights.Select(w => new double[w.Length]).ToArray();
        _transposed = new double[Math.Max(_sizes.SkipLast(1).Max() * _rows, _weights.Max(w => w.Length))];
        _squares = new double[_rows * _sizes[^1]];
        _columnSums = new double[_sizes.Max()];
        var longestInner = Math.Max(_rows, _sizes.Max());
        _packs = [new double[MatrixProduct.PackSize(longestInner)], new double[MatrixProduct.PackSize(longestInner)]];
        (_forward, _outputDelta, _transposeActivations) = (ForwardPart, OutputDeltaPart, TransposeActivationsPart);
        (_weightGradient, _transposeWeights, _hiddenDelta, _update) = (WeightGradientPart, TransposeWeightsPart, HiddenDeltaPart, UpdatePart);
    }

    /// <summary>One epoch: forward, backward and the update; with <paramref name="measureLoss"/>, the loss of its forward pass (else NaN).</summary>
    public double Epoch(double learningRate, bool measureLoss = false)
    {
        Forward();
        var loss = measureLoss ? MeanSquaredError() : double.NaN;
        _cores.Run(_outputDelta);
        for (_layer = _weights.Length - 1; _layer >= 0; _layer--)
        {
            _cores.Run(_transposeActivations);
            _cores.Run(_weightGradient);
            if (_layer > 0)
            {
                _cores.Run(_transposeWeights);
                _cores.Run(_hiddenDelta);
            }
        }
        _learningRate = learningRate;
        for (_layer = 0; _layer < _weights.Length; _layer++)
        {
            _cores.Run(_update);
        }
        return loss;
    }

    /// <summary>The mean squared error of the current weights' predictions (a forward pass of its own).</summary>
    public double Loss()
    {
        Forward();
        return MeanSquaredError();
    }

    private double MeanSquaredError()
    {
        var output = _activations[^1];
        for (var i = 0; i < _squares.Length; i++)
        {
            var difference = _y[i] - output[i];
            _squares[i] = difference * difference;
        }
        return NumpySum.Pairwise(_squares) / _squares.Length;
    }

    /// <summary>The weights and biases as MathNet matrices.</summary>
    public IReadOnlyList<(Matrix<double> Weights, Matrix<double> Bias)> Layers() =>
        _weights.Select((w, l) => (Matrix<double>.Build.Dense(_sizes[l], _sizes[l + 1], (i, j) => w[i * _sizes[l + 1] + j]),
                                   Matrix<double>.Build.Dense(1, _sizes[l + 1], (_, j) => _biases[l][j]))).ToList();

    public void Dispose() => _cores.Dispose();

    private void Forward()
    {
        for (_layer = 0; _layer < _weights.Length; _layer++)
        {
            _cores.Run(_forward);
        }
    }

    private (int Start, int End) Half(int part, int count) => part == 0 ? (0, count / 2) : (count / 2, count);

    // z = a_{l−1} · W_l + b_l, then a_l = σ(clip(z)), for this core's rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ForwardPart(int part)
    {
        var (start, end) = Half(part, _rows);
        var (k, n) = (_sizes[_layer], _sizes[_layer + 1]);
        var output = _activations[_layer + 1];
        MatrixProduct.Multiply(_activations[_layer], _weights[_layer], output, k, n, start, end, _packs[part]);
        var bias = _biases[_layer];
        for (var i = start; i < end; i++)
        {
            // Row by row, so each row is still in the L1 cache for all three steps.
            var row = output.AsSpan(i * n, n);
            TensorPrimitives.Add(row, bias, row);
            TensorPrimitives.Clamp(row, -Sigmoid.Clip, Sigmoid.Clip, row);
            TensorPrimitives.Sigmoid(row, row);
        }
    }

    // W_l ← W_l − G_l·η and b_l ← b_l − (Σ_rows d_l)·η, this core's half of the columns.
    private void UpdatePart(int part)
    {
        var (k, n) = (_sizes[_layer], _sizes[_layer + 1]);
        var (start, end) = Half(part, n);
        if (start == end)
        {
            return;
        }
        var width = end - start;
        var weights = _weights[_layer];
        var gradients = _gradients[_layer];
        for (var p = 0; p < k; p++)
        {
            // W − G·η (not a fused multiply-add: the same rounding as the readable path's update).
            var w = weights.AsSpan(p * n + start, width);
            TensorPrimitives.MultiplyAdd(gradients.AsSpan(p * n + start, width), -_learningRate, w, w);
        }
        // Rows added first to last, as numpy's np.sum(axis=0) does, but a whole row segment at a time.
        var deltas = _deltas[_layer + 1];
        var sums = _columnSums.AsSpan(start, width);
        deltas.AsSpan(start, width).CopyTo(sums);
        for (var i = 1; i < _rows; i++)
        {
            TensorPrimitives.Add(sums, deltas.AsSpan(i * n + start, width), sums);
        }
        var bias = _biases[_layer].AsSpan(start, width);
        TensorPrimitives.MultiplyAdd(sums, -_learningRate, bias, bias);
    }

    // d_L = (out − y) ⊙ out(1 − out)
    private void OutputDeltaPart(int part)
    {
        var n = _sizes[^1];
        var (start, end) = Half(part, _rows);
        var output = _activations[^1];
        var delta = _deltas[^1];
        for (var i = start * n; i < end * n; i++)
        {
            var a = output[i];
            delta[i] = (a - _y[i]) * (a * (1 - a));
        }
    }

    // a_{l−1}ᵀ into the scratch buffer, split by its rows.
    private void TransposeActivationsPart(int part)
    {
        var k = _sizes[_layer];
        var (start, end) = Half(part, k);
        MatrixProduct.Transpose(_activations[_layer], _transposed, _rows, k, start, end);
    }

    // G_l = a_{l−1}ᵀ · d_l
    private void WeightGradientPart(int part)
    {
        var (k, n) = (_sizes[_layer], _sizes[_layer + 1]);
        var (start, end) = Half(part, k);
        MatrixProduct.Multiply(_transposed, _deltas[_layer + 1], _gradients[_layer], _rows, n, start, end, _packs[part]);
    }

    // W_lᵀ into the scratch buffer (one core: it is small).
    private void TransposeWeightsPart(int part)
    {
        if (part != 0)
        {
            return;
        }
        var (k, n) = (_sizes[_layer], _sizes[_layer + 1]);
        MatrixProduct.Transpose(_weights[_layer], _transposed, k, n, 0, n);
    }

    // d_{l−1} = (d_l · W_lᵀ) ⊙ a_{l−1}(1 − a_{l−1}), W_l still the one before this epoch's update.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HiddenDeltaPart(int part)
    {
        var (k, n) = (_sizes[_layer], _sizes[_layer + 1]);
        var (start, end) = Half(part, _rows);
        var delta = _deltas[_layer];
        MatrixProduct.Multiply(_deltas[_layer + 1], _transposed, delta, n, k, start, end, _packs[part]);
        var a = _activations[_layer];
        for (var i = start * k; i < end * k; i++)
        {
            delta[i] *= a[i] * (1 - a[i]);
        }
    }
}
