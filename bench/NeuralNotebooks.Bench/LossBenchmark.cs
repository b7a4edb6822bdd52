namespace NeuralNotebooks.Bench;

/// <summary>
/// W1–W5: the library and, alternating with it, the blog's numpy code generalised to layers (numpy_workloads.py),
/// each checked against the final loss WORKLOADS.md expects.
/// </summary>
internal static class LossBenchmark
{
    /// <summary>The rows, and numpy's version and BLAS library (null when numpy was not run).</summary>
    public static (IReadOnlyList<LossRow> Rows, string? NumpyAbout) Run(IReadOnlyList<Workload> workloads, BenchmarkOptions options, TextWriter error)
    {
        if (workloads.Count == 0)
        {
            return ([], null);
        }
        var numpy = !options.LibraryOnly
            && DebianPackages.Ensure(["python3-numpy", "libopenblas0-pthread"], () => DebianPackages.PythonImports("numpy"), error);
        string? about = null;
        var rows = new List<LossRow>();
        foreach (var workload in workloads)
        {
            WarmUp.Run(() => LibraryRun.Time(workload));
            var library = new List<LossRun>();
            var numpySeconds = new List<double>();
            double? numpyLoss = null;
            for (var r = 0; r < options.Repeat; r++)
            {
                library.Add(LibraryRun.Time(workload));
                if (numpy)
                {
                    var result = PythonScript.Run("numpy_workloads.py", [workload.Id, "--repeat=1"]);
                    numpySeconds.Add(result.GetProperty("seconds").EnumerateArray().Single().GetDouble());
                    numpyLoss = result.GetProperty("final_loss").GetDouble();
                    about = $"numpy {result.GetProperty("numpy").GetString()}, BLAS: {result.GetProperty("blas").GetString()}";
                }
            }
            var median = library[^1] with { Seconds = Statistics.Median(library.Select(l => l.Seconds)) };
            rows.Add(new LossRow(workload, median, numpy ? Statistics.Median(numpySeconds) : null, numpyLoss));
            error.WriteLine($"  {workload.Id} done");
        }
        return (rows, about);
    }
}
