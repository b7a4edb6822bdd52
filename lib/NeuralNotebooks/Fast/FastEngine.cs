using System.Numerics;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Fast;

/// <summary>
/// The <see cref="TrainingEngine.Fast"/> engine: any network, loss, optimiser, batch size and L2, on flat buffers
/// allocated once, with <see cref="MatrixProduct"/> for every product and both cores for batches big enough to pay for it.
/// </summary>
/// <remarks>
/// <para>
/// The row pass, split by examples, runs each example through every layer and back again: Z = A_in · W + b and
/// A = f(Z) forward, then ∂E/∂Z at the output and Δ_in = f′ ⊙ (Δ · Wᵀ) back. It needs no hand-over between layers,
/// since an example's rows depend only on the same example. The step pass, split by the rows of each weight matrix,
/// forms each layer's gradient G = A_inᵀ · Δ (and the biases' Σ_rows Δ) and runs the optimiser's rule on those
/// weights, writing into the spare weights.
/// </para>
/// <para>
/// The first layer is split by neurons instead, when it is hidden and its activation works entry by entry: its own
/// pass computes Z and A for every example, each core for its half of the neurons, and the step pass steps each core's
/// same half. Each core then reads and writes only its own half of the first (usually by far the largest) W and of the
/// optimiser's state for it. Split by examples, both cores read all of W every batch, half of it just written by the
/// other core. In a two-thread micro-benchmark on the 2-core AMD EPYC, moving those lines between the cores made Adam's
/// step take 2.5 ns a weight instead of 1.65, and a batch's forward product 90–150 µs instead of 66–72. The price is a
/// hand-over more per batch, two with mini-batches, whose rows are gathered in a pass of their own first, since the
/// first layer's pass needs all of them.
/// </para>
/// <para>
/// Weights are kept in <see cref="Panels"/> of 16 neurons, input-major within a panel (row p holds input p's weights to
/// the panel's neurons), so the forward product reads a panel front to back; the gradient is formed in the same layout
/// for the optimiser. A copy of each W beyond the first is kept transposed for the backward product. The network's
/// MathNet matrices are written from them after every epoch.
/// </para>
/// </remarks>
internal sealed class FastEngine : ITrainingEngine
{
    // Below this many multiply-adds per batch the second core's hand-over costs more than it saves.
    private const long TwoCoreWork = 400_000;

    // The batch's rows are split between the cores in multiples of the matrix product's 8-row blocks.
    private const int RowGrain = 8;

    // The step pass forms and steps this many rows of a panel at a time: 16 KB of gradient, which the core's fastest cache holds.
    private const int StepBand = 128;

    private readonly Loss _loss;
    private readonly TrainingOptions _options;
    private readonly int[] _order;
    private readonly int[] _sizes;
    private readonly Activation[] _activations;
    private readonly OptimizerState _optimizer;
    private readonly bool _fullBatch;
    private readonly Matrix<double> _X, _Y;
    private readonly double[] _x, _y;                 // the data, row after row
    private readonly double[] _batchX, _batchY;       // a mini-batch's rows, gathered
    private readonly AlignedDoubles[] _a, _delta;     // per layer: A and ∂E/∂Z, one row per example
    private readonly AlignedDoubles[][] _w;           // [set][layer]: W (inputs × neurons) in panels
    private readonly double[][][] _b, _wT;            // [set][layer]: b, Wᵀ (beyond the first layer)
    private readonly AlignedDoubles[] _gradientW;
    private readonly double[][] _gradientB;
    private readonly double[] _testX, _testY, _testOutputs;
    private readonly AlignedDoubles[] _testA;         // per layer, for a chunk of test rows (so the batch's buffers survive)
    private readonly (double[] Weights, double[] Bias)[] _published;
    private readonly double[] _largest = new double[2];
    private readonly TwoCores? _cores;
    private readonly Action<int> _gatherPass, _firstLayerPass, _rowPass, _stepPass;
    private readonly bool _splitFirstLayer;
    private readonly long _workPerRow;
    private int _set;

    // The pass in progress.
    private double[] _inputX, _inputY;
    private AlignedDoubles[] _outputs;
    private int _inputRow, _rows, _start, _parts;
    private bool _gather, _backward;
    private double _scale = 1;

    public FastEngine(NeuralNetwork network, Matrix<double> X, Matrix<double> y, Loss loss, TrainingOptions options, int[] order)
    {
        (_loss, _options, _order, _X, _Y) = (loss, options, order, X, y);
        _sizes = [.. network.Sizes];
        var layers = network.Layers.Count;
        _activations = network.Layers.Select(l => l.Activation).ToArray();
        _optimizer = options.Optimizer.Start(network.Layers.SelectMany(l => new[] { l.Inputs * l.Outputs, l.Outputs }).ToList());
        var examples = X.RowCount;
        var capacity = options.BatchSize ?? examples;
        _fullBatch = capacity == examples;
        _workPerRow = network.ParameterCount * 3;
        if (Environment.ProcessorCount > 1 && capacity * _workPerRow >= TwoCoreWork)
        {
            _cores = new TwoCores();
        }
        (_x, _y) = (RowMajorData(X), RowMajorData(y));
        (_batchX, _batchY) = _fullBatch ? ([], []) : (new double[capacity * _sizes[0]], new double[capacity * _sizes[^1]]);
        _a = Buffers(capacity);
        _delta = Buffers(capacity);
        _w = [new AlignedDoubles[layers], new AlignedDoubles[layers]];
        _b = [new double[layers][], new double[layers][]];
        _wT = [new double[layers][], new double[layers][]];
        _gradientW = new AlignedDoubles[layers];
        _gradientB = new double[layers][];
        _published = new (double[], double[])[layers];
        for (var l = 0; l < layers; l++)
        {
            var layer = network.Layers[l];
            var (inputs, outputs) = (layer.Inputs, layer.Outputs);
            for (var set = 0; set < 2; set++)
            {
                _w[set][l] = new AlignedDoubles(inputs * outputs);
                _b[set][l] = new double[outputs];
                _wT[set][l] = l == 0 ? [] : new double[inputs * outputs];
            }
            // MathNet stores W column after column, which is Wᵀ row after row.
            var weightsT = layer.Weights.ToColumnMajorArray();
            Panels.FromTransposed(weightsT, _w[0][l], inputs, outputs);
            layer.Bias.ToRowMajorArray().CopyTo(_b[0][l], 0);
            if (l > 0)
            {
                weightsT.CopyTo(_wT[0][l], 0);
            }
            _gradientW[l] = new AlignedDoubles(inputs * outputs);
            _gradientB[l] = new double[outputs];
            // New matrices for the network, so matrices held from before training stay as they were.
            layer.Weights = Matrix<double>.Build.DenseOfMatrix(layer.Weights);
            layer.Bias = Matrix<double>.Build.DenseOfMatrix(layer.Bias);
            _published[l] = (layer.Weights.AsColumnMajorArray(), layer.Bias.AsColumnMajorArray());
        }
        if (options.TestData is { } test)
        {
            (_testX, _testY) = (RowMajorData(test.X), RowMajorData(test.y));
            _testOutputs = new double[test.y.RowCount * test.y.ColumnCount];
            _testA = Buffers(Math.Min(capacity, test.Count));
        }
        else
        {
            (_testX, _testY, _testOutputs, _testA) = ([], [], [], []);
        }
        _splitFirstLayer = layers > 1 && _activations[0].EntryByEntry;
        (_gatherPass, _firstLayerPass, _rowPass, _stepPass) = (part => Gather(Share(part, _rows, RowGrain)), FirstLayerPass, RowPass, StepPass);
        (_inputX, _inputY, _outputs) = (_x, _y, _a);
    }

    public TrainingEngine Kind => TrainingEngine.Fast;

    /// <summary>
    /// Two sets of weights, the gradients and the optimiser's state per weight, the transposed copies, the data row after row,
    /// the gathered batch, A and ∂E/∂Z for every layer and example of a batch, and the test data with its outputs.
    /// </summary>
    public static long EstimateBytes(NeuralNetwork network, int examples, int batchSize, TrainingOptions options)
    {
        var sizes = network.Sizes;
        var (inputs, outputs) = ((long)sizes[0], (long)sizes[^1]);
        var perExample = 0L;
        foreach (var size in sizes.Skip(1))
        {
            perExample += 2 * size;
        }
        var weights = network.ParameterCount * (3L + options.Optimizer.StatePerWeight) + 2L * network.Layers.Skip(1).Sum(l => (long)l.Inputs * l.Outputs);
        var data = examples * (inputs + outputs) + (batchSize < examples ? batchSize * (inputs + outputs) : 0);
        var test = options.TestData is { } t ? t.Count * (inputs + 2 * outputs) + Math.Min(batchSize, t.Count) * perExample / 2 : 0;
        return sizeof(double) * (weights + data + (long)batchSize * perExample + test);
    }

    public double Forward(int start, int count)
    {
        (_start, _rows, _gather, _backward, _outputs) = (start, count, !_fullBatch, true, _a);
        (_inputX, _inputY, _inputRow) = _fullBatch ? (_x, _y, start) : (_batchX, _batchY, 0);
        ForwardPasses();
        var width = _sizes[^1];
        return OutputLoss(_inputY.AsSpan(_inputRow * width, count * width), _a[^1].AsSpan(0, count * width), width);
    }

    public double Step(int count)
    {
        _optimizer.NextUpdate();
        _scale = _options.SumGradients ? 1 : 1.0 / count;
        Run(_stepPass);
        return _parts == 1 ? _largest[0] : Math.Max(_largest[0], _largest[1]);
    }

    public void Commit() => _set = 1 - _set;

    public void Undo() => Commit();

    public double TestLoss()
    {
        // The test rows run through buffers of their own, and the batch's pass is put back, so the next step still has it.
        var batch = (_inputX, _inputY, _inputRow, _rows, _gather, _backward, _outputs);
        var (chunk, width) = (_testA[0].Length / _sizes[1], _sizes[^1]);
        var rows = _testOutputs.Length / width;
        for (var start = 0; start < rows; start += chunk)
        {
            var count = Math.Min(chunk, rows - start);
            (_inputX, _inputRow, _rows, _gather, _backward, _outputs) = (_testX, start, count, false, false, _testA);
            ForwardPasses();
            _testA[^1].AsSpan(0, count * width).CopyTo(_testOutputs.AsSpan(start * width));
        }
        (_inputX, _inputY, _inputRow, _rows, _gather, _backward, _outputs) = batch;
        return OutputLoss(_testY.AsSpan(0, _testOutputs.Length), _testOutputs, width);
    }

    public void Publish()
    {
        for (var l = 0; l < _sizes.Length - 1; l++)
        {
            var (weights, bias) = _published[l];
            Panels.ToTransposed(_w[_set][l], weights, _sizes[l], _sizes[l + 1], 0, _sizes[l]);
            _b[_set][l].CopyTo(bias, 0);
        }
    }

    public StepSizes LastStep()
    {
        var sizes = new StepSizes(0, 0);
        for (var l = 0; l < _sizes.Length - 1; l++)
        {
            sizes = sizes
                .Max(StepSizes.Of(_w[_set][l], _gradientW[l], new GradientScaling(_scale, _options.L2)))
                .Max(StepSizes.Of(_b[_set][l], _gradientB[l], new GradientScaling(_scale, 0)));
        }
        return sizes;
    }

    public void Dispose()
    {
        _cores?.Dispose();
        SpareCopies.Keep(_X, _x);
        SpareCopies.Keep(_Y, _y);
        if (_options.TestData is { } test)
        {
            SpareCopies.Keep(test.X, _testX);
            SpareCopies.Keep(test.y, _testY);
        }
    }

    /// <summary>Inputs or targets row after row, in the memory of an earlier training's copy of them when there is one.</summary>
    private double[] RowMajorData(Matrix<double> data) => MatrixProduct.RowMajor(data, SpareCopies.Take(data), _cores);

    private AlignedDoubles[] Buffers(int rows) => _sizes.Skip(1).Select(size => new AlignedDoubles(rows * size)).ToArray();

    /// <summary>The loss of these outputs, or NaN when one of them is not a finite number.</summary>
    private double OutputLoss(ReadOnlySpan<double> targets, ReadOnlySpan<double> outputs, int width) =>
        Finite.All(outputs) ? _loss.Value(targets, outputs, width) : double.NaN;

    /// <summary>The passes of a forward pass (and, unless testing, back again): gathering the rows and the first layer first, when that layer is split by neurons.</summary>
    private void ForwardPasses()
    {
        if (_splitFirstLayer)
        {
            if (_gather)
            {
                Run(_gatherPass);
            }
            Run(_firstLayerPass);
        }
        Run(_rowPass);
    }

    /// <summary>Runs a pass on both cores when the batch is big enough, else on this one.</summary>
    private void Run(Action<int> pass)
    {
        if (_cores is not null && _rows * _workPerRow >= TwoCoreWork)
        {
            _parts = 2;
            _cores.Run(pass);
        }
        else
        {
            _parts = 1;
            pass(0);
        }
    }

    /// <summary>This part's share of [0, count): the first part takes a multiple of <paramref name="grain"/>.</summary>
    private (int Start, int End) Share(int part, int count, int grain)
    {
        if (_parts == 1)
        {
            return part == 0 ? (0, count) : (0, 0);
        }
        var half = Math.Min(count, (count / 2 + grain - 1) / grain * grain);
        return part == 0 ? (0, half) : (half, count);
    }

    /// <summary>This part's neurons of the first layer, when it is split by neurons: whole panels, as many as the part's share.</summary>
    private (int Start, int End) FirstLayerColumns(int part)
    {
        var width = _sizes[1];
        var (k0, k1) = Share(part, (width + Panels.Width - 1) / Panels.Width, 1);
        return (k0 * Panels.Width, Math.Min(k1 * Panels.Width, width));
    }

    /// <summary>The first layer for every example, for this part's neurons (a layer of one panel is all one part's).</summary>
    private void FirstLayerPass(int part)
    {
        var neurons = FirstLayerColumns(part);
        if (neurons.Start < neurons.End)
        {
            LayerForward(0, (0, _rows), neurons);
        }
    }

    /// <summary>
    /// Layer l's Z = A_in · W + b and A = f(Z) for examples [r0, r1) and neurons [c0, c1): all of them, or whole panels
    /// of a layer whose activation works entry by entry.
    /// </summary>
    private void LayerForward(int l, (int Start, int End) examples, (int Start, int End) neurons)
    {
        var (inputs, width) = (_sizes[l], _sizes[l + 1]);
        ReadOnlySpan<double> input = l == 0 ? _inputX.AsSpan(_inputRow * inputs) : _outputs[l - 1].AsSpan();
        var (weights, z) = (_w[_set][l], _outputs[l]);
        var (c0, c1) = neurons;
        for (var column = c0; column < c1; column += Panels.Width)
        {
            var (panel, columns) = Panels.At(column, inputs, width);
            MatrixProduct.Multiply(input, inputs, 1, weights.AsSpan(panel), columns, z.AsSpan(column), width, examples.Start, examples.End, columns, inputs);
        }
        var bias = _b[_set][l].AsSpan(c0, c1 - c0);
        for (var i = examples.Start; i < examples.End; i++)
        {
            var row = z.AsSpan(i * width + c0, c1 - c0);
            AddTo(row, bias);
            _activations[l].Apply(row, row, row.Length);
        }
    }

    /// <summary>
    /// The row pass for this part's examples: gather (unless a pass of its own did), forward through every layer (but a
    /// first layer split by neurons, which its own pass did), and (unless testing) back again.
    /// </summary>
    private void RowPass(int part)
    {
        var (r0, r1) = Share(part, _rows, RowGrain);
        if (r0 == r1)
        {
            return;
        }
        var layers = _sizes.Length - 1;
        if (_gather && !_splitFirstLayer)
        {
            Gather((r0, r1));
        }
        for (var l = _splitFirstLayer ? 1 : 0; l < layers; l++)
        {
            LayerForward(l, (r0, r1), (0, _sizes[l + 1]));
        }
        if (!_backward)
        {
            return;
        }
        var outputsWidth = _sizes[^1];
        _loss.OutputDelta(_activations[^1],
            _inputY.AsSpan((_inputRow + r0) * outputsWidth, (r1 - r0) * outputsWidth),
            _a[^1].AsSpan(r0 * outputsWidth, (r1 - r0) * outputsWidth),
            _delta[^1].AsSpan(r0 * outputsWidth, (r1 - r0) * outputsWidth), outputsWidth);
        for (var l = layers - 1; l >= 1; l--)
        {
            // ∂E/∂A of layer l − 1 = Δ_l · W_lᵀ, then through layer l − 1's activation.
            var (inputs, width) = (_sizes[l], _sizes[l + 1]);
            MatrixProduct.Multiply(_delta[l], width, 1, _wT[_set][l], inputs, _delta[l - 1], inputs, r0, r1, inputs, width);
            var a = _a[l - 1].AsSpan(r0 * inputs, (r1 - r0) * inputs);
            var delta = _delta[l - 1].AsSpan(r0 * inputs, (r1 - r0) * inputs);
            _activations[l - 1].Backward(a, delta, delta, inputs);
        }
    }

    /// <summary>target[i] += source[i], a vector at a time (the same sums as one at a time).</summary>
    private static void AddTo(Span<double> target, ReadOnlySpan<double> source)
    {
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var i = 0;
        var width = System.Numerics.Vector<double>.Count;
        for (; i <= target.Length - width; i += width)
        {
            (Vector.LoadUnsafe(ref t, (nuint)i) + Vector.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
        }
        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private void Gather((int Start, int End) rows)
    {
        var (r0, r1) = rows;
        var (inputs, outputs) = (_sizes[0], _sizes[^1]);
        for (var i = r0; i < r1; i++)
        {
            var example = _order[_start + i];
            _x.AsSpan(example * inputs, inputs).CopyTo(_batchX.AsSpan(i * inputs));
            _y.AsSpan(example * outputs, outputs).CopyTo(_batchY.AsSpan(i * outputs));
        }
    }

    /// <summary>
    /// The step pass for this part's share of every weight matrix and bias: the gradient, then the optimiser's rule into
    /// the spare weights. The share is a range of rows (inputs) of every panel, and of the bias's columns; for a first
    /// layer split by neurons, every row of the part's panels, and their columns of the bias.
    /// </summary>
    private void StepPass(int part)
    {
        var largest = 0.0;
        var spare = 1 - _set;
        for (var l = 0; l < _sizes.Length - 1; l++)
        {
            var (inputs, width) = (_sizes[l], _sizes[l + 1]);
            ReadOnlySpan<double> input = l == 0 ? _inputX.AsSpan(_inputRow * inputs) : _a[l - 1].AsSpan();
            var byNeurons = l == 0 && _splitFirstLayer;
            var ((p0, p1), (c0, c1)) = byNeurons ? ((0, inputs), FirstLayerColumns(part)) : (Share(part, inputs, RowGrain), (0, width));
            if (p1 > p0)
            {
                // G = A_inᵀ · Δ: row p of G is input p's gradient to every neuron; A_inᵀ is read through its strides. A band
                // of a panel's rows at a time, each stepped by the optimiser while it is still in the core's fastest cache.
                var gradient = _gradientW[l];
                for (var column = c0; column < c1; column += Panels.Width)
                {
                    var (panel, columns) = Panels.At(column, inputs, width);
                    for (var q0 = p0; q0 < p1; q0 += StepBand)
                    {
                        var q1 = Math.Min(q0 + StepBand, p1);
                        MatrixProduct.Multiply(input, 1, inputs, _delta[l].AsSpan(column), width, gradient.AsSpan(panel), columns, q0, q1, columns, _rows);
                        var start = panel + q0 * columns;
                        var range = start..(panel + q1 * columns);
                        largest = Math.Max(largest, _optimizer.Step(2 * l, start, _w[_set][l].AsSpan(range), gradient.AsSpan(range), _w[spare][l].AsSpan(range),
                            new GradientScaling(_scale, _options.L2)));
                    }
                }
                if (l > 0)
                {
                    Panels.ToTransposed(_w[spare][l], _wT[spare][l], inputs, width, p0, p1);
                }
            }
            var (j0, j1) = byNeurons ? (c0, c1) : Share(part, width, 1);
            if (j1 > j0)
            {
                // Σ_rows Δ, rows added first to last as numpy's np.sum(axis=0) does, a run of columns at a time.
                var sums = _gradientB[l].AsSpan(j0, j1 - j0);
                _delta[l].AsSpan(j0, j1 - j0).CopyTo(sums);
                for (var i = 1; i < _rows; i++)
                {
                    AddTo(sums, _delta[l].AsSpan(i * width + j0, j1 - j0));
                }
                largest = Math.Max(largest, _optimizer.Step(2 * l + 1, j0, _b[_set][l].AsSpan(j0, j1 - j0), sums, _b[spare][l].AsSpan(j0, j1 - j0),
                    new GradientScaling(_scale, 0)));
            }
        }
        _largest[part] = largest;
    }
}
