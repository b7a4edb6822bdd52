namespace NeuralNotebooks.Bench;

/// <summary>One row of the W1–W5 table: the library's and numpy's median seconds and their final losses.</summary>
/// <param name="Workload">What was run.</param>
/// <param name="Library">The library's median seconds, with the last run's final loss and bytes per epoch.</param>
/// <param name="NumpySeconds">numpy's median seconds, or null when numpy was not run.</param>
/// <param name="NumpyLoss">numpy's final loss, or null when numpy was not run.</param>
internal sealed record LossRow(Workload Workload, LossRun Library, double? NumpySeconds, double? NumpyLoss)
{
    /// <summary>The largest relative difference from WORKLOADS.md's final loss that still counts as the same work.</summary>
    public const double Tolerance = 1e-9;

    public bool LibraryMatches => Matches(Library.FinalLoss);

    public bool NumpyMatches => NumpyLoss is not { } loss || Matches(loss);

    public bool Matches(double loss) => Math.Abs(loss - Workload.ExpectedLoss) <= Tolerance * Workload.ExpectedLoss;
}
