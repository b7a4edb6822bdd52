using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Fast;

/// <summary>
/// The blog's training epoch for a 2-H-1 sigmoid network, on flat arrays allocated once: the fast path behind
/// <see cref="Network.SimpleNeuralNetwork.Train"/> and <see cref="Training.LearningRateSweep"/>.
/// </summary>
/// <remarks>
/// Every sum is taken in the same order as the readable path (MathNet products summed first to last, row sums
/// from the first row), so both give the same numbers to the last bit; the tests check that. An epoch
/// allocates nothing.
/// </remarks>
internal sealed class SmallNetworkKernel
{
    private readonly int _rows;
    private readonly int _hidden;
    private readonly double[] _x;       // rows × 2
    private readonly double[] _y;       // rows
    private readonly double[] _w1;      // 2 × hidden
    private readonly double[] _b1;      // hidden
    private readonly double[] _w2;      // hidden
    private double _b2;
    private readonly double[] _a1;      // rows × hidden
    private readonly double[] _delta1;  // rows × hidden
    private readonly double[] _a2;      // rows
    private readonly double[] _delta2;  // rows
    private readonly double[] _next;    // the updated weights, checked before they are kept

    public SmallNetworkKernel(Matrix<double> X, Matrix<double> y, Matrix<double> w1, Matrix<double> b1, Matrix<double> w2, Matrix<double> b2)
    {
        (_rows, _hidden) = (X.RowCount, w1.ColumnCount);
        _x = X.ToRowMajorArray();
        _y = y.ToColumnMajorArray();
        _w1 = w1.ToRowMajorArray();
        _b1 = b1.ToRowMajorArray();
        _w2 = w2.ToColumnMajorArray();
        _b2 = b2[0, 0];
        _a1 = new double[_rows * _hidden];
        _delta1 = new double[_rows * _hidden];
        _a2 = new double[_rows];
        _delta2 = new double[_rows];
        _next = new double[3 * _hidden + _hidden + 1];
    }

    /// <summary>One epoch: forward, the loss (returned, measured before the update), backward, and the update.</summary>
    /// <returns>The epoch's loss, or NaN/infinity when the loss or an updated weight is not finite (the weights are then unchanged).</returns>
    public double Epoch(double learningRate, out bool updated)
    {
        if (_hidden % Lanes == 0 && Vector256.IsHardwareAccelerated)
        {
            var vectorLoss = ForwardVector();
            updated = double.IsFinite(vectorLoss) && BackwardVector(learningRate);
            return vectorLoss;
        }
        var loss = Forward();
        updated = double.IsFinite(loss) && Backward(learningRate);
        return loss;
    }

    private const int Lanes = 4;

    // The same arithmetic as Forward with four hidden units per vector: each lane does exactly the scalar steps
    // (separate multiplies and adds, no fused ones), so the bits are the same. exp and the output's sum stay scalar.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ForwardVector()
    {
        var h = _hidden;
        ref var x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var w1 = ref MemoryMarshal.GetArrayDataReference(_w1);
        ref var b1 = ref MemoryMarshal.GetArrayDataReference(_b1);
        ref var w2 = ref MemoryMarshal.GetArrayDataReference(_w2);
        ref var a1 = ref MemoryMarshal.GetArrayDataReference(_a1);
        var sumOfSquares = 0.0;
        for (var i = 0; i < _rows; i++)
        {
            var (x0, x1) = (Vector256.Create(Unsafe.Add(ref x, 2 * i)), Vector256.Create(Unsafe.Add(ref x, 2 * i + 1)));
            ref var row = ref Unsafe.Add(ref a1, i * h);
            var z2 = 0.0;
            for (var j = 0; j < h; j += Lanes)
            {
                var z = x0 * Vector256.LoadUnsafe(ref w1, (nuint)j) + x1 * Vector256.LoadUnsafe(ref w1, (nuint)(h + j)) + Vector256.LoadUnsafe(ref b1, (nuint)j);
                for (var lane = 0; lane < Lanes; lane++)
                {
                    var a = Sigmoid(z.GetElement(lane));
                    Unsafe.Add(ref row, j + lane) = a;
                    z2 += a * Unsafe.Add(ref w2, j + lane);
                }
            }
            sumOfSquares += OutputAndSquaredError(i, z2);
        }
        return MeanSquaredError(sumOfSquares);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BackwardVector(double learningRate)
    {
        var h = _hidden;
        ref var x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var a1 = ref MemoryMarshal.GetArrayDataReference(_a1);
        ref var d1 = ref MemoryMarshal.GetArrayDataReference(_delta1);
        ref var w2 = ref MemoryMarshal.GetArrayDataReference(_w2);
        var one = Vector256.Create(1.0);
        for (var i = 0; i < _rows; i++)
        {
            var a2 = _a2[i];
            var delta = (a2 - _y[i]) * (a2 * (1 - a2));
            _delta2[i] = delta;
            var deltaVector = Vector256.Create(delta);
            for (var j = 0; j < h; j += Lanes)
            {
                var a = Vector256.LoadUnsafe(ref a1, (nuint)(i * h + j));
                (deltaVector * Vector256.LoadUnsafe(ref w2, (nuint)j) * (a * (one - a))).StoreUnsafe(ref d1, (nuint)(i * h + j));
            }
        }
        var rate = Vector256.Create(learningRate);
        var finite = true;
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        for (var j = 0; j < h; j += Lanes)
        {
            var gb1 = Vector256.LoadUnsafe(ref d1, (nuint)j);
            Vector256<double> gw10 = default, gw11 = default, gw2 = default;
            for (var i = 0; i < _rows; i++)
            {
                var d = Vector256.LoadUnsafe(ref d1, (nuint)(i * h + j));
                gw10 += Vector256.Create(Unsafe.Add(ref x, 2 * i)) * d;
                gw11 += Vector256.Create(Unsafe.Add(ref x, 2 * i + 1)) * d;
                gw2 += Vector256.LoadUnsafe(ref a1, (nuint)(i * h + j)) * Vector256.Create(_delta2[i]);
                if (i > 0)
                {
                    gb1 += d;
                }
            }
            finite &= KeepVector(ref next, j, Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_w1), (nuint)j) - gw10 * rate);
            finite &= KeepVector(ref next, h + j, Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_w1), (nuint)(h + j)) - gw11 * rate);
            finite &= KeepVector(ref next, 2 * h + j, Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_b1), (nuint)j) - gb1 * rate);
            finite &= KeepVector(ref next, 3 * h + j, Vector256.LoadUnsafe(ref w2, (nuint)j) - gw2 * rate);
        }
        return Commit(finite, learningRate);
    }

    private static bool KeepVector(ref double next, int index, Vector256<double> value)
    {
        value.StoreUnsafe(ref next, (nuint)index);
        // v − v is 0 for every finite v, NaN for ±∞ and NaN.
        return Vector256.EqualsAll(value - value, Vector256<double>.Zero);
    }

    /// <summary>The mean squared error of the current weights, with no update.</summary>
    public double Loss() => Forward();

    /// <summary>The weights as MathNet matrices: W1 (2 × H), b1 (1 × H), W2 (H × 1), b2 (1 × 1).</summary>
    public (Matrix<double> W1, Matrix<double> B1, Matrix<double> W2, Matrix<double> B2) Weights()
    {
        var build = Matrix<double>.Build;
        return (build.Dense(2, _hidden, (i, j) => _w1[i * _hidden + j]), build.Dense(1, _hidden, (_, j) => _b1[j]),
                build.Dense(_hidden, 1, (i, _) => _w2[i]), build.Dense(1, 1, _b2));
    }

    // Fully optimised from the first call: a sweep runs many short trainings, each too short to wait for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Forward()
    {
        var h = _hidden;
        ref var x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var w1 = ref MemoryMarshal.GetArrayDataReference(_w1);
        ref var b1 = ref MemoryMarshal.GetArrayDataReference(_b1);
        ref var w2 = ref MemoryMarshal.GetArrayDataReference(_w2);
        ref var a1 = ref MemoryMarshal.GetArrayDataReference(_a1);
        var sumOfSquares = 0.0;
        for (var i = 0; i < _rows; i++)
        {
            var (x0, x1) = (Unsafe.Add(ref x, 2 * i), Unsafe.Add(ref x, 2 * i + 1));
            ref var row = ref Unsafe.Add(ref a1, i * h);
            var z2 = 0.0;
            for (var j = 0; j < h; j++)
            {
                var a = Sigmoid(x0 * Unsafe.Add(ref w1, j) + x1 * Unsafe.Add(ref w1, h + j) + Unsafe.Add(ref b1, j));
                Unsafe.Add(ref row, j) = a;
                z2 += a * Unsafe.Add(ref w2, j);
            }
            sumOfSquares += OutputAndSquaredError(i, z2);
        }
        return MeanSquaredError(sumOfSquares);
    }

    /// <summary>Row i's output σ(z2 + b2), kept for the backward pass, and its squared error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double OutputAndSquaredError(int i, double z2)
    {
        var output = Sigmoid(z2 + _b2);
        _a2[i] = output;
        var difference = _y[i] - output;
        return difference * difference;
    }

    // numpy's np.mean adds fewer than eight numbers first to last (the XOR batch has four), more pairwise.
    private double MeanSquaredError(double sumOfSquares) => _rows < 8 ? sumOfSquares / _rows : NumpyMean();

    // Fully optimised from the first call: a sweep runs many short trainings, each too short to wait for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Backward(double learningRate)
    {
        var h = _hidden;
        for (var i = 0; i < _rows; i++)
        {
            var a2 = _a2[i];
            var delta = (a2 - _y[i]) * (a2 * (1 - a2));
            _delta2[i] = delta;
            for (var j = 0; j < h; j++)
            {
                var a1 = _a1[i * h + j];
                _delta1[i * h + j] = delta * _w2[j] * (a1 * (1 - a1));
            }
        }
        // W ← W − ∂E/∂W · η for each weight, into _next; kept only if every one is finite.
        var finite = true;
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
            finite &= Keep(j, _w1[j] - gw10 * learningRate);
            finite &= Keep(h + j, _w1[h + j] - gw11 * learningRate);
            finite &= Keep(2 * h + j, _b1[j] - gb1 * learningRate);
            finite &= Keep(3 * h + j, _w2[j] - gw2 * learningRate);
        }
        return Commit(finite, learningRate);
    }

    /// <summary>The output bias's step, then the new weights kept if every one of them is finite.</summary>
    private bool Commit(bool finiteSoFar, double learningRate)
    {
        var h = _hidden;
        var gb2 = _delta2[0];
        for (var i = 1; i < _rows; i++)
        {
            gb2 += _delta2[i];
        }
        if (!(Keep(4 * h, _b2 - gb2 * learningRate) && finiteSoFar))
        {
            return false;
        }
        Array.Copy(_next, 0, _w1, 0, 2 * h);
        Array.Copy(_next, 2 * h, _b1, 0, h);
        Array.Copy(_next, 3 * h, _w2, 0, h);
        _b2 = _next[4 * h];
        return true;
    }

    private bool Keep(int index, double value)
    {
        _next[index] = value;
        return double.IsFinite(value);
    }

    private double NumpyMean()
    {
        Span<double> squares = _rows <= 1024 ? stackalloc double[_rows] : new double[_rows];
        for (var i = 0; i < _rows; i++)
        {
            var difference = _y[i] - _a2[i];
            squares[i] = difference * difference;
        }
        return NumpySum.Pairwise(squares) / _rows;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -Activations.Sigmoid.Clip, Activations.Sigmoid.Clip)));
}
