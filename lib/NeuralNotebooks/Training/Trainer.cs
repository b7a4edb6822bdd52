using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Fast;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Training;

/// <summary>
/// Trains a <see cref="NeuralNetwork"/>: forward, loss, backward and an optimiser step, batch after batch. This is the
/// library's one training loop; <see cref="TrainingOptions.Engine"/> chooses the code that does each step.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Automatic gives the blog's network to the <see cref="TrainingEngine.Blog"/> engine up to this many examples × hidden
    /// units; beyond it the <see cref="TrainingEngine.Fast"/> engine's second core makes up for its other order of adding.
    /// </summary>
    internal const long BlogEngineLargest = 32_768;

    /// <summary>
    /// Trains <paramref name="network"/> in place and returns the loss of every epoch: the mean of its batches'
    /// losses, each measured on the batch's forward pass before its update (for a full batch, exactly the blog's).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Everything is checked before anything changes: a rejected call leaves the network and the data as they were.
    /// Training starts by giving every layer new weight matrices, so matrices you kept from before stay as they were;
    /// the new ones hold the current weights whenever <paramref name="onEpoch"/> runs and when training ends (the
    /// <see cref="TrainingEngine.StepByStep"/> engine replaces them after every step; the others update them in place
    /// after every epoch, so clone one in a callback to keep it).
    /// </para>
    /// <para>
    /// Every step is checked before it is kept: its new weights and the optimiser's state must be finite numbers, and small
    /// enough that no weighted sum on the training data can overflow, whatever order its terms are added in (so
    /// <see cref="NeuralNetwork.Predict"/> gives finite numbers on the data the network trained on). The next forward
    /// pass (after the last step, one more of the last batch) then checks that the loss is still a finite number. A step
    /// that fails either check is undone and training stops with <see cref="TrainingDivergedException"/>, naming the cause.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Epochs is negative, the batch size is below 1 or larger than the data, or L2 is negative or not finite.</exception>
    /// <exception cref="ArgumentException">
    /// X or y does not fit the network or holds NaN or infinity; the loss does not fit the output layer or the targets
    /// (softmax outputs need softmax-ce and at least 2 outputs, softmax-ce needs softmax outputs and rows of probabilities,
    /// bce needs a sigmoid output and targets from 0 to 1); the engine asked for cannot train these options; or training
    /// would need more memory than the machine has available.
    /// </exception>
    /// <exception cref="TrainingDivergedException">An output, the loss or a weight became NaN or infinite; the weights are those from before that step.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before each epoch).</exception>
    public static TrainingHistory Train(
        this NeuralNetwork network,
        Matrix<double> X,
        Matrix<double> y,
        Loss loss,
        TrainingOptions options,
        Action<EpochReport>? onEpoch = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(network, nameof(network));
        Guard.NotNull(loss, nameof(loss));
        Guard.NotNull(options, nameof(options));
        Guard.NotNull(options.Optimizer, "options.Optimizer");
        network.CheckInputs(X);
        network.CheckTargets(X, y);
        CheckOptions(options, X.RowCount);
        var output = network.Layers[^1];
        loss.CheckFits(output.Activation, output.Outputs, y, nameof(y));
        if (options.TestData is { } test)
        {
            network.CheckInputs(test.X, "options.TestData.X");
            network.CheckTargets(test.X, test.y, "options.TestData.y");
            loss.CheckFits(output.Activation, output.Outputs, test.y, "options.TestData.y");
        }
        var engine = ChooseEngine(network, loss, options, X.RowCount);
        var order = Enumerable.Range(0, X.RowCount).ToArray();
        MemoryLimit.CheckTraining(EstimateBytes(engine, network, X, options));
        using var run = engine switch
        {
            TrainingEngine.StepByStep => (ITrainingEngine)new StepByStepEngine(network, X, y, loss, options, order),
            TrainingEngine.Blog => new BlogEngine(network, X, y, options, order),
            _ => new FastEngine(network, X, y, loss, options, order),
        };
        return Run(run, network, loss, options, X, y, order, onEpoch, cancellationToken);
    }

    /// <summary>Checks the options against a data set of <paramref name="examples"/> examples.</summary>
    internal static void CheckOptions(TrainingOptions options, int examples)
    {
        Guard.NotNull(options, nameof(options));
        if (options.Epochs < 0 || options.Epochs > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException("epochs", options.Epochs,
                $"epochs must be from 0 to {Array.MaxLength} (the most losses one history can hold), but was {options.Epochs}.");
        }
        Guard.InRange(options.BatchSize ?? examples, 1, examples, "batchSize");
        if (!(options.L2 >= 0) || !double.IsFinite(options.L2))
        {
            throw new ArgumentOutOfRangeException("l2", options.L2, $"l2 must be a finite number of at least 0, but was {Guard.Format(options.L2)}.");
        }
        if (!Enum.IsDefined(options.Engine))
        {
            throw new ArgumentOutOfRangeException("engine", options.Engine, $"engine must be one of {string.Join(", ", Enum.GetNames<TrainingEngine>())}, but was {options.Engine}.");
        }
    }

    /// <summary>The engine <see cref="TrainingOptions.Engine"/> asks for, or for Automatic the fastest that computes these options.</summary>
    private static TrainingEngine ChooseEngine(NeuralNetwork network, Loss loss, TrainingOptions options, int examples)
    {
        var blog = IsBlogConfiguration(network, loss, options, examples);
        return options.Engine switch
        {
            TrainingEngine.Automatic => blog && (long)examples * network.Layers[0].Outputs <= BlogEngineLargest ? TrainingEngine.Blog : TrainingEngine.Fast,
            TrainingEngine.Blog when !blog => throw new ArgumentException(
                "engine Blog trains only the blog's configuration (sizes [2, H, 1], sigmoid layers, mse, full batch, summed gradients, " +
                $"plain SGD, no L2), but was asked to train {network} with {loss.Name}, {options.Optimizer.Name}; use Automatic or Fast.", "engine"),
            var asked => asked,
        };
    }

    private static bool IsBlogConfiguration(NeuralNetwork network, Loss loss, TrainingOptions options, int examples) =>
        network.Layers is [{ Inputs: 2, Activation: var hidden }, { Outputs: 1, Activation: var output }]
        && hidden == Activation.Sigmoid && output == Activation.Sigmoid && loss == Loss.MeanSquaredError
        && (options.BatchSize ?? examples) == examples && options.SumGradients && options.Optimizer is SgdOptimizer && options.L2 == 0;

    private static MemoryNeed EstimateBytes(TrainingEngine engine, NeuralNetwork network, Matrix<double> X, TrainingOptions options)
    {
        var batch = options.BatchSize ?? X.RowCount;
        MemoryLimit.CheckBatch(network.Sizes, batch);
        var buffers = engine switch
        {
            TrainingEngine.StepByStep => StepByStepEngine.EstimateBytes(network, batch, options),
            TrainingEngine.Blog => BlogEngine.EstimateBytes(network, X.RowCount),
            _ => FastEngine.EstimateBytes(network, X.RowCount, batch, options),
        };
        // The history grows by doubling, so it may briefly need twice its final size.
        var history = 2L * sizeof(double) * options.Epochs * (options.TestData is null ? 1 : 2);
        return new MemoryNeed(buffers, history, network.ParameterCount, batch);
    }

    /// <summary>The training loop: every engine runs through it.</summary>
    private static TrainingHistory Run(ITrainingEngine engine, NeuralNetwork network, Loss loss, TrainingOptions options, Matrix<double> X, Matrix<double> y,
        int[] order, Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        var examples = X.RowCount;
        var batchSize = options.BatchSize ?? examples;
        var miniBatches = batchSize < examples;
        var shuffle = new NumpyRandom(options.ShuffleSeed);
        var largestInput = OverflowBound.Largest(X);
        var dataScale = Math.Max(largestInput, OverflowBound.Largest(y));
        var bound = new OverflowBound(network, largestInput);
        var losses = new List<double>();
        var testLosses = options.TestData is null ? null : new List<double>();
        TrainingHistory History() => new(losses) { TestLosses = testLosses, LossName = loss.LongName, Engine = engine.Kind };
        TrainingDivergedException Diverged(int epoch, string what, bool beforeAnyStep) =>
            Divergence.Exception(epoch, what, Divergence.Diagnose(beforeAnyStep, engine.LastStep(), options.L2, dataScale),
                options, X, y, History());
        try
        {
            if (options.Epochs == 0)
            {
                return History();
            }
            if (!bound.Allows(OverflowBound.LargestWeight(network)))
            {
                throw Diverged(0, "with the starting weights the weighted sums could overflow", beforeAnyStep: true);
            }
            if (miniBatches)
            {
                Shuffle(order, shuffle);
            }
            var batchLoss = engine.Forward(0, batchSize);
            if (!double.IsFinite(batchLoss))
            {
                throw Diverged(0, $"with the starting weights the loss was {Guard.Format(batchLoss)}", beforeAnyStep: true);
            }
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var weightedLoss = 0.0;
                var epochLoss = batchLoss;
                for (var start = 0; start < examples; start += batchSize)
                {
                    var count = Math.Min(batchSize, examples - start);
                    weightedLoss += batchLoss * count;
                    // One batch: its loss as measured (no rounding through ×n/n), as the blog prints it.
                    epochLoss = miniBatches ? weightedLoss / (start + count) : batchLoss;
                    var largestWeight = engine.Step(count);
                    if (!bound.Allows(largestWeight))
                    {
                        losses.Add(epochLoss);
                        throw Diverged(epoch, double.IsFinite(largestWeight)
                            ? $"the update made a weight as large as {Guard.Format(largestWeight)}, so large that the weighted sums could overflow"
                            : "the update made a weight or the optimiser's state NaN or infinite", beforeAnyStep: false);
                    }
                    engine.Commit();
                    // The next forward pass checks this step: the next batch, the next epoch's first, or this one again at the very end.
                    var nextStart = start + batchSize;
                    if (nextStart >= examples)
                    {
                        nextStart = epoch + 1 < options.Epochs ? 0 : start;
                        if (miniBatches && epoch + 1 < options.Epochs)
                        {
                            Shuffle(order, shuffle);
                        }
                    }
                    batchLoss = engine.Forward(nextStart, Math.Min(batchSize, examples - nextStart));
                    if (!double.IsFinite(batchLoss))
                    {
                        engine.Undo();
                        losses.Add(epochLoss);
                        throw Diverged(epoch, $"after its update the loss was {Guard.Format(batchLoss)}", beforeAnyStep: false);
                    }
                }
                losses.Add(epochLoss);
                if (testLosses is not null)
                {
                    var testLoss = engine.TestLoss();
                    if (!double.IsFinite(testLoss))
                    {
                        engine.Undo();
                        throw Diverged(epoch, $"after its last update the loss on the test data was {Guard.Format(testLoss)}", beforeAnyStep: false);
                    }
                    testLosses.Add(testLoss);
                }
                if (onEpoch is not null)
                {
                    engine.Publish();
                    onEpoch(new EpochReport(epoch, options.Epochs, epochLoss));
                }
            }
            return History();
        }
        finally
        {
            engine.Publish();
        }
    }

    private static void Shuffle(int[] order, NumpyRandom random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.RandomSample() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
