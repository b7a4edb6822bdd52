using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>Once training runs, a batch allocates nothing, on one core and on two, in the fast and the blog engines.</summary>
/// <remarks>
/// Each epoch allocates the 32-byte report its callback gets (and, now and then, a longer loss history). The test takes
/// the smallest of many epochs' allocations and requires it to be that report alone: one 24-byte object per batch would
/// add 960 bytes to every epoch of 40 batches. It counts the training thread's allocations: the test host's own threads
/// allocate about 400 KB a second whatever runs (measured), which would drown a process-wide count. The second core
/// runs the same two methods (a share of the row pass and of the step pass) as the training thread.
/// </remarks>
public class AllocationTests
{
    private const long ReportBytes = 32;

    [Theory]
    [InlineData(2, 8, 2, 8)]       // small: one core
    [InlineData(64, 32, 10, 32)]   // the digits' shape
    [InlineData(784, 128, 10, 64)] // Fashion-MNIST's shape: both cores
    public void A_batch_of_the_fast_engine_allocates_nothing_once_training_runs(int inputs, int hidden, int outputs, int batch)
    {
        var (X, y) = FastEngineTests.Data(40 * batch, inputs, outputs, Activation.Softmax, seed: 1);
        var network = NeuralNetwork.Create([inputs, hidden, outputs], Activation.ReLU, Activation.Softmax, Initializer.He, seed: 1);
        var options = new TrainingOptions { Epochs = 12, Optimizer = Optimizer.Adam(0.001), BatchSize = batch, L2 = 1e-4, ShuffleSeed = 1 };
        TrainingHistory? history = null;

        var bytes = FewestBytesInAnEpoch(onEpoch => history = network.Train(X, y, Loss.SoftmaxCrossEntropy, options, onEpoch));

        Assert.Equal(TrainingEngine.Fast, history!.Engine);
        Assert.Equal(ReportBytes, bytes);
    }

    [Fact]
    public void Training_again_on_the_same_large_matrix_copies_it_into_the_memory_of_the_last_copy()
    {
        // 2,000 × 600 inputs: 9.6 MB, large enough for the fast engine to keep its copy's memory with the matrix.
        var (X, y) = FastEngineTests.Data(2000, 600, 2, Activation.Softmax, seed: 3);
        var options = new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Adam(0.01), BatchSize = 200, ShuffleSeed = 3 };
        NeuralNetwork Network() => NeuralNetwork.Create([600, 8, 2], Activation.ReLU, Activation.Softmax, Initializer.He, seed: 3);
        long BytesOfATraining() => BytesOnThisThread(() => Network().Train(X, y, Loss.SoftmaxCrossEntropy, options));
        var dataBytes = X.RowCount * X.ColumnCount * sizeof(double);

        var first = BytesOfATraining();
        var second = BytesOfATraining();

        Assert.True(first > dataBytes, $"the first training allocated {first:N0} bytes, less than its copy of the data ({dataBytes:N0})");
        Assert.True(second < dataBytes / 2, $"the second training allocated {second:N0} bytes; its copy of the data alone is {dataBytes:N0}");
    }

    [Fact]
    public void A_matrix_changed_between_trainings_is_copied_again()
    {
        var (X, y) = FastEngineTests.Data(2000, 600, 2, Activation.Softmax, seed: 4);
        var options = new TrainingOptions { Epochs = 1, Optimizer = Optimizer.Adam(0.01), BatchSize = 200, ShuffleSeed = 4 };
        NeuralNetwork Network() => NeuralNetwork.Create([600, 8, 2], Activation.ReLU, Activation.Softmax, Initializer.He, seed: 4);
        Network().Train(X, y, Loss.SoftmaxCrossEntropy, options);

        X.MapInplace(x => 0.5 * x);
        var again = Network();
        again.Train(X, y, Loss.SoftmaxCrossEntropy, options);
        var fresh = Network();
        fresh.Train(X.Clone(), y, Loss.SoftmaxCrossEntropy, options);

        Assert.Equal(fresh.Layers[0].Weights.ToColumnMajorArray(), again.Layers[0].Weights.ToColumnMajorArray());
    }

    [Fact]
    public void An_epoch_of_the_blog_engine_allocates_nothing_once_training_runs()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        TrainingHistory? history = null;

        var bytes = FewestBytesInAnEpoch(onEpoch => history = network.Train(Xor.Inputs, Xor.Targets, 300, 0.1, onEpoch));

        Assert.Equal(TrainingEngine.Blog, history!.Engine);
        Assert.Equal(ReportBytes, bytes);
    }

    /// <summary>The fewest bytes the training thread allocated between two callbacks, after the first two epochs.</summary>
    private static long FewestBytesInAnEpoch(Action<Action<EpochReport>> train)
    {
        var fewest = long.MaxValue;
        var last = 0L;
        train(report =>
        {
            var now = GC.GetAllocatedBytesForCurrentThread();
            if (report.Epoch >= 2)
            {
                fewest = Math.Min(fewest, now - last);
            }
            last = GC.GetAllocatedBytesForCurrentThread();
        });
        return fewest;
    }

    private static long BytesOnThisThread(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
