using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Fast;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Training;

/// <summary>
/// Trains a <see cref="NeuralNetwork"/>: forward, loss, backward and an optimiser step, batch after batch. Every training
/// in the library comes here and runs through one loop (<c>Training/TrainingLoop.cs</c>);
/// <see cref="TrainingOptions.Engine"/> chooses the code that does each step.
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
        var largestInput = network.CheckInputs(X);
        var largestTarget = network.CheckTargets(X, y);
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
            TrainingEngine.Blog => new BlogEngine(network, X, y, options),
            _ => new FastEngine(network, X, y, loss, options, order),
        };
        return new TrainingLoop(run, network, loss, options, X, y, order, largestInput, largestTarget).Run(onEpoch, cancellationToken);
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
}
