using System.Globalization;

namespace NeuralNotebooks;

/// <summary>What training will need, in bytes, for <see cref="MemoryLimit.CheckTraining"/>.</summary>
/// <param name="Buffers">The engine's arrays: weights, gradients, optimiser state, the data in its layout, the batches.</param>
/// <param name="History">The loss history at its largest (it grows by doubling).</param>
/// <param name="Parameters">The network's weights and biases.</param>
/// <param name="BatchSize">Examples per batch.</param>
internal readonly record struct MemoryNeed(long Buffers, long History, long Parameters, int BatchSize)
{
    public long Total => Buffers + History;
}

/// <summary>
/// Refuses networks, trainings and data sets that the machine cannot hold, before anything is allocated, with a message saying
/// how much they need and how much there is (<see cref="GC.GetGCMemoryInfo()"/>'s TotalAvailableMemoryBytes, less what
/// the process's managed heap holds already).
/// </summary>
internal static class MemoryLimit
{
    /// <summary>
    /// Numbers training keeps per weight at most: the weight, the copy its update writes, its gradient, and Adam's two
    /// running averages.
    /// </summary>
    public const int NumbersPerWeightWhileTraining = 5;

    /// <summary>The bytes the process can still allocate.</summary>
    public static long AvailableBytes => Math.Max(0, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - GC.GetTotalMemory(forceFullCollection: false));

    /// <summary>
    /// Checks a network of layer sizes <paramref name="sizes"/> before its weights are drawn: what training it needs
    /// (<see cref="NumbersPerWeightWhileTraining"/> numbers per weight) must take no more than half the memory available,
    /// leaving the other half for the data and the batches, and each weight matrix must fit in one array.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The network is too large for this machine.</exception>
    public static void CheckNetwork(IReadOnlyList<int> sizes, string parameterName, object value)
    {
        var shown = $"[{string.Join(", ", sizes)}]";
        var (subject, need) = parameterName == "sizes" ? ($"sizes {shown}", "need") : ($"{parameterName} {Show(value)} (sizes {shown})", "needs");
        var parameters = Parameters(sizes);
        var training = parameters * sizeof(double) * NumbersPerWeightWhileTraining;
        var available = AvailableBytes;
        if (training > available / 2)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, Invariant(
                $"{subject} {need} {parameters:N0} weights and biases ({Gigabytes(parameters * sizeof(double))}) and up to {Gigabytes(training)} to train; this machine can give a network about {Gigabytes(available / 2)} (half of the {Gigabytes(available)} available)."));
        }
        for (var l = 0; l + 1 < sizes.Count; l++)
        {
            var entries = (long)sizes[l] * sizes[l + 1];
            if (entries > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(parameterName, value, Invariant(
                    $"{subject} {need} a {sizes[l]} × {sizes[l + 1]} weight matrix of {entries:N0} numbers; one array holds at most {Array.MaxLength:N0}."));
            }
        }
    }

    /// <summary>Checks that what a training needs fits in the memory available, naming the largest part when it does not.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The loss history of that many epochs, or the batches, would not fit.</exception>
    public static void CheckTraining(MemoryNeed need)
    {
        var available = AvailableBytes;
        if (need.Total <= available)
        {
            return;
        }
        if (need.History > need.Buffers)
        {
            throw new ArgumentOutOfRangeException("epochs", Invariant(
                $"epochs: a loss history that long needs up to {Gigabytes(need.History)} and the training {Gigabytes(need.Buffers)} more; this machine has {Gigabytes(available)} available. Train fewer epochs."));
        }
        throw new ArgumentOutOfRangeException("batchSize", need.BatchSize, Invariant(
            $"batchSize {need.BatchSize:N0}: training {need.Parameters:N0} weights and biases on batches that size needs {Gigabytes(need.Total)}; this machine has {Gigabytes(available)} available. Use smaller batches or a smaller network."));
    }

    /// <summary>Checks that a batch of <paramref name="batchSize"/> examples through every layer of these sizes fits in an array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A layer's buffer for the batch would not.</exception>
    public static void CheckBatch(IReadOnlyList<int> sizes, int batchSize)
    {
        foreach (var size in sizes)
        {
            var length = (long)batchSize * size;
            if (length > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException("batchSize", batchSize, Invariant(
                    $"batchSize {batchSize}: a batch that size through a layer of {size} would hold {length:N0} numbers; one array holds at most {Array.MaxLength:N0}. Use smaller batches."));
            }
        }
    }

    /// <summary>
    /// Checks that a data set of <paramref name="rows"/> rows, each holding matrices of these <paramref name="widths"/>,
    /// can be made: each matrix in one .NET array, and all of them in the memory available.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below <paramref name="minimum"/> or above the limit.</exception>
    public static void CheckRows(int rows, int minimum, string name, string what, params int[] widths)
    {
        var bytesPerRow = 8L * widths.Sum();
        var available = AvailableBytes;
        var inOneArray = Array.MaxLength / widths.Max();
        var inMemory = available / bytesPerRow;
        var limit = Math.Min(inOneArray, inMemory);
        if (rows >= minimum && rows <= limit)
        {
            return;
        }
        var why = inMemory < inOneArray
            ? Invariant($"the {what} that fit in this machine's {Gigabytes(available)} at {bytesPerRow} bytes each")
            : $"the {what} whose {widths.Max()} numbers each fit in one .NET array";
        throw new ArgumentOutOfRangeException(name, rows, Invariant($"{name} must be from {minimum} to {limit:N0} ({why}), but was {rows}."));
    }

    /// <summary>The weights and biases of a network with these layer sizes.</summary>
    public static long Parameters(IReadOnlyList<int> sizes)
    {
        var total = 0L;
        for (var l = 0; l + 1 < sizes.Count; l++)
        {
            total += ((long)sizes[l] + 1) * sizes[l + 1];
        }
        return total;
    }

    private static string Gigabytes(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

    private static string Show(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
