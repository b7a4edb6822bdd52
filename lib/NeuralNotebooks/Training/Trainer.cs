using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Training;

/// <summary>Trains a <see cref="NeuralNetwork"/>: forward, loss, backward and an optimiser step, batch after batch.</summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> in place and returns the loss of every epoch: the mean of its batches'
    /// losses, each measured on the batch's forward pass before its update (for a full batch, exactly the blog's).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Epochs is negative, the batch size is below 1 or larger than the data, or L2 is negative or not finite.</exception>
    /// <exception cref="ArgumentException">X or y does not fit the network, or holds NaN or infinity.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a weight became NaN or infinite; the weights are those from before that step.</exception>
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
        network.CheckInputs(X);
        network.CheckTargets(X, y);
        CheckOptions(options, X.RowCount);
        if (options.TestData is { } test)
        {
            network.CheckInputs(test.X);
            network.CheckTargets(test.X, test.y);
        }
        var batchSize = options.BatchSize ?? X.RowCount;

        var state = options.Optimizer.Start();
        var shuffle = new NumpyRandom(options.ShuffleSeed);
        var order = Enumerable.Range(0, X.RowCount).ToArray();
        var losses = new List<double>();
        var testLosses = options.TestData is null ? null : new List<double>();
        TrainingHistory History() => new(losses) { TestLosses = testLosses, LossName = loss.LongName };
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (batchSize < X.RowCount)
            {
                Shuffle(order, shuffle);
            }
            var weightedLoss = 0.0;
            var lastBatchLoss = 0.0;
            for (var start = 0; start < X.RowCount; start += batchSize)
            {
                var (xBatch, yBatch) = batchSize == X.RowCount ? (X, y) : Rows(X, y, order, start, Math.Min(batchSize, X.RowCount - start));
                var pass = network.Forward(xBatch);
                var batchLoss = loss.Value(yBatch, pass.Output);
                if (!double.IsFinite(batchLoss))
                {
                    throw new TrainingDivergedException(epoch, options.Optimizer.LearningRate, $"the loss became {Guard.Format(batchLoss)}", History());
                }
                weightedLoss += batchLoss * xBatch.RowCount;
                lastBatchLoss = batchLoss;
                if (!TryStep(network, network.Backward(pass, yBatch, loss), state, options, xBatch.RowCount))
                {
                    losses.Add(batchSize == X.RowCount ? batchLoss : weightedLoss / (start + xBatch.RowCount));
                    throw new TrainingDivergedException(epoch, options.Optimizer.LearningRate, "the update made a weight NaN or infinite", History());
                }
            }
            // One batch: its loss as measured (no rounding through ×n/n), as the blog prints it.
            var epochLoss = batchSize == X.RowCount ? lastBatchLoss : weightedLoss / X.RowCount;
            losses.Add(epochLoss);
            if (options.TestData is { } testData)
            {
                testLosses!.Add(loss.Value(testData.y, network.Predict(testData.X)));
            }
            onEpoch?.Invoke(new EpochReport(epoch, options.Epochs, epochLoss));
        }
        return History();
    }

    /// <summary>Checks the options against a data set of <paramref name="examples"/> examples.</summary>
    internal static void CheckOptions(TrainingOptions options, int examples)
    {
        Guard.AtLeast(options.Epochs, 0, "epochs");
        Guard.InRange(options.BatchSize ?? examples, 1, examples, "batchSize");
        if (!(options.L2 >= 0) || !double.IsFinite(options.L2))
        {
            throw new ArgumentOutOfRangeException("l2", options.L2, $"l2 must be a finite number of at least 0, but was {Guard.Format(options.L2)}.");
        }
    }

    private static bool TryStep(NeuralNetwork network, NetworkGradients gradients, IOptimizerState state, TrainingOptions options, int batchRows)
    {
        state.NextUpdate();
        var layers = network.Layers;
        var updated = new (Matrix<double> W, Matrix<double> B)[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            var gW = gradients.Weights[l + 1]!;
            var gB = gradients.Biases[l + 1]!;
            if (!options.SumGradients)
            {
                (gW, gB) = (gW / batchRows, gB / batchRows);
            }
            if (options.L2 > 0)
            {
                gW += layers[l].Weights * options.L2;
            }
            updated[l] = (state.Step(2 * l, layers[l].Weights, gW), state.Step(2 * l + 1, layers[l].Bias, gB));
            if (!updated[l].W.IsAllFinite() || !updated[l].B.IsAllFinite())
            {
                return false;
            }
        }
        for (var l = 0; l < layers.Count; l++)
        {
            (layers[l].Weights, layers[l].Bias) = updated[l];
        }
        return true;
    }

    private static void Shuffle(int[] order, NumpyRandom random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.RandomSample() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static (Matrix<double> X, Matrix<double> y) Rows(Matrix<double> X, Matrix<double> y, int[] order, int start, int count) =>
        (Matrix<double>.Build.Dense(count, X.ColumnCount, (i, j) => X[order[start + i], j]),
         Matrix<double>.Build.Dense(count, y.ColumnCount, (i, j) => y[order[start + i], j]));
}
