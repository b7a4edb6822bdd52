using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Training;

/// <summary>
/// The library's one training loop: epoch after epoch, batch after batch, a step by whichever engine
/// <see cref="Trainer.Train"/> chose, each step checked before it is kept and again by the next forward pass.
/// </summary>
internal sealed class TrainingLoop
{
    private readonly ITrainingEngine _engine;
    private readonly Loss _loss;
    private readonly TrainingOptions _options;
    private readonly Matrix<double> _X;
    private readonly Matrix<double> _y;
    private readonly int[] _order;
    private readonly int _examples;
    private readonly int _batchSize;
    private readonly NumpyRandom _shuffle;
    private readonly OverflowBound _bound;
    private readonly double _dataScale;
    private readonly double _largestStartingWeight;
    private readonly List<double> _losses = [];
    private readonly List<double>? _testLosses;
    private double _batchLoss;

    /// <summary>A loop over checked data: <paramref name="largestInput"/> and <paramref name="largestTarget"/> are the largest |entry| of X and y, found when they were checked.</summary>
    public TrainingLoop(ITrainingEngine engine, NeuralNetwork network, Loss loss, TrainingOptions options, Matrix<double> X, Matrix<double> y, int[] order,
        double largestInput, double largestTarget)
    {
        (_engine, _loss, _options, _X, _y, _order) = (engine, loss, options, X, y, order);
        _examples = X.RowCount;
        _batchSize = options.BatchSize ?? _examples;
        _shuffle = new NumpyRandom(options.ShuffleSeed);
        _bound = new OverflowBound(network, largestInput);
        _dataScale = Math.Max(largestInput, largestTarget);
        _testLosses = options.TestData is null ? null : [];
        _largestStartingWeight = OverflowBound.LargestWeight(network);
    }

    private bool MiniBatches => _batchSize < _examples;

    /// <summary>Trains every epoch and returns the history; the network holds the current weights however it ends.</summary>
    public TrainingHistory Run(Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        try
        {
            if (_options.Epochs > 0)
            {
                Begin();
            }
            for (var epoch = 0; epoch < _options.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var epochLoss = Epoch(epoch);
                _losses.Add(epochLoss);
                MeasureTestLoss(epoch);
                if (onEpoch is not null)
                {
                    _engine.Publish();
                    onEpoch(new EpochReport(epoch, _options.Epochs, epochLoss));
                }
            }
            return History();
        }
        finally
        {
            _engine.Publish();
        }
    }

    /// <summary>The starting weights must keep every weighted sum far from overflow and give the first batch a finite loss.</summary>
    private void Begin()
    {
        if (!_bound.Allows(_largestStartingWeight))
        {
            throw Diverged(0, "with the starting weights the weighted sums could overflow", beforeAnyStep: true);
        }
        if (MiniBatches)
        {
            Shuffle();
        }
        _batchLoss = _engine.Forward(0, _batchSize);
        if (!double.IsFinite(_batchLoss))
        {
            throw Diverged(0, $"with the starting weights the loss was {Guard.Format(_batchLoss)}", beforeAnyStep: true);
        }
    }

    /// <summary>
    /// One epoch's steps; returns its loss: the mean of its batches' losses, each measured before its step (one batch:
    /// its loss as measured, with no rounding through × n / n, as the blog prints it).
    /// </summary>
    private double Epoch(int epoch)
    {
        var weightedLoss = 0.0;
        var epochLoss = _batchLoss;
        for (var start = 0; start < _examples; start += _batchSize)
        {
            var count = Math.Min(_batchSize, _examples - start);
            weightedLoss += _batchLoss * count;
            epochLoss = MiniBatches ? weightedLoss / (start + count) : _batchLoss;
            Step(epoch, count, epochLoss);
            CheckWithNextForwardPass(epoch, NextStart(epoch, start), epochLoss);
        }
        return epochLoss;
    }

    /// <summary>The step for the batch in hand, kept only if its weights are finite and keep every weighted sum far from overflow.</summary>
    private void Step(int epoch, int count, double epochLossSoFar)
    {
        var largestWeight = _engine.Step(count);
        if (!_bound.Allows(largestWeight))
        {
            _losses.Add(epochLossSoFar);
            throw Diverged(epoch, double.IsFinite(largestWeight)
                ? $"the update made a weight as large as {Guard.Format(largestWeight)}, so large that the weighted sums could overflow"
                : "the update made a weight or the optimiser's state NaN or infinite", beforeAnyStep: false);
        }
        _engine.Commit();
    }

    /// <summary>The forward pass that comes next anyway checks the step just kept, which is undone if the loss is not finite.</summary>
    private void CheckWithNextForwardPass(int epoch, int nextStart, double epochLossSoFar)
    {
        _batchLoss = _engine.Forward(nextStart, Math.Min(_batchSize, _examples - nextStart));
        if (!double.IsFinite(_batchLoss))
        {
            _engine.Undo();
            _losses.Add(epochLossSoFar);
            throw Diverged(epoch, $"after its update the loss was {Guard.Format(_batchLoss)}", beforeAnyStep: false);
        }
    }

    /// <summary>Where the next forward pass starts: the next batch, the next epoch's first (newly shuffled), or this one again after the last step.</summary>
    private int NextStart(int epoch, int start)
    {
        if (start + _batchSize < _examples)
        {
            return start + _batchSize;
        }
        if (epoch + 1 == _options.Epochs)
        {
            return start;
        }
        if (MiniBatches)
        {
            Shuffle();
        }
        return 0;
    }

    private void MeasureTestLoss(int epoch)
    {
        if (_testLosses is null)
        {
            return;
        }
        var testLoss = _engine.TestLoss();
        if (!double.IsFinite(testLoss))
        {
            _engine.Undo();
            throw Diverged(epoch, $"after its last update the loss on the test data was {Guard.Format(testLoss)}", beforeAnyStep: false);
        }
        _testLosses.Add(testLoss);
    }

    private TrainingHistory History() => new(_losses) { TestLosses = _testLosses, LossName = _loss.LongName, Engine = _engine.Kind };

    private TrainingDivergedException Diverged(int epoch, string what, bool beforeAnyStep) =>
        Divergence.Exception(epoch, what, Divergence.Diagnose(beforeAnyStep, _engine.LastStep(), _options.L2, _dataScale), _options, _X, _y, History());

    /// <summary>A new order of the examples, from the seeded generator (the same orders as numpy's shuffle of a range).</summary>
    private void Shuffle()
    {
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = (int)(_shuffle.RandomSample() * (i + 1));
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }
}
