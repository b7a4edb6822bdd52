namespace NeuralNotebooks.Bench;

/// <summary>One implementation's medians on a classifier workload.</summary>
/// <param name="Workload">What was run.</param>
/// <param name="Result">The last run, with the median seconds of all runs.</param>
/// <param name="Library">The library's result on the same workload, for the ratio.</param>
internal sealed record ClassifierRow(ClassifierWorkload Workload, ClassifierResult Result, ClassifierResult Library)
{
    /// <summary>This implementation's time per epoch over the library's: above 1 the library is faster.</summary>
    public double Ratio => Result.SecondsPerEpoch / Library.SecondsPerEpoch;
}
