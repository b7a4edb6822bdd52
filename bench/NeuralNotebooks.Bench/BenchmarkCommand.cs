namespace NeuralNotebooks.Bench;

/// <summary>
/// Runs the workloads of shared/bench/WORKLOADS.md through the library's public API and, in the same run, with the
/// alternatives a learner would pick instead; checks that W1–W5 end with the expected final losses; prints tables of medians.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>0 when every final loss matched, 1 when one did not, 2 for a bad command line.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }
        return Run(options, Workload.All(), output, error);
    }

    /// <summary>Runs the options' workloads, W1–W5 taken from <paramref name="lossWorkloads"/>.</summary>
    public static int Run(BenchmarkOptions options, IReadOnlyList<Workload> lossWorkloads, TextWriter output, TextWriter error)
    {
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Cpu.Name}; .NET {Environment.Version}; " +
            $"medians of {options.Repeat} repetitions, library and alternatives alternating.");
        var selected = lossWorkloads.Where(w => options.Workloads.Contains(w.Id)).ToList();
        var (lossRows, numpyAbout) = LossBenchmark.Run(selected, options, error);
        var classifierRows = ClassifierBenchmark.Run(options.Workloads.Where(id => id is "W6" or "W7").ToList(), options, error);
        LossTable.Print(lossRows, numpyAbout, output);
        ClassifierTable.Print(classifierRows, output);
        return lossRows.All(r => r.LibraryMatches && r.NumpyMatches) ? 0 : 1;
    }
}
