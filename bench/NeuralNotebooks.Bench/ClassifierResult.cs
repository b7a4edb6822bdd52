namespace NeuralNotebooks.Bench;

/// <summary>One timed training of a classifier workload by one implementation.</summary>
/// <param name="Implementation">Who trained: the library, scikit-learn or PyTorch.</param>
/// <param name="Precision">float64 or float32.</param>
/// <param name="Seconds">Wall-clock seconds of training alone (no data loading, no accuracy).</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="TestAccuracy">The fraction of held-out examples classified right afterwards.</param>
/// <param name="BytesPerEpoch">The library's allocations per epoch (null for the alternatives).</param>
/// <param name="About">Versions, threads and BLAS library, for the table's notes.</param>
internal sealed record ClassifierResult(string Implementation, string Precision, double Seconds, int Epochs, double TestAccuracy, double? BytesPerEpoch, string About)
{
    public double SecondsPerEpoch => Seconds / Epochs;
}
