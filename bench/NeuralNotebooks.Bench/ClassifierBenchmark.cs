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

/// <summary>
/// W6 and W7: the library's public training API and, alternating with it, scikit-learn's MLPClassifier and PyTorch
/// (classifier_workloads.py) on the same examples, compared by time per epoch and test accuracy.
/// </summary>
internal static class ClassifierBenchmark
{
    public static IReadOnlyList<ClassifierRow> Run(IReadOnlyList<string> ids, BenchmarkOptions options, TextWriter error)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var alternatives = options.LibraryOnly ? [] : AvailableAlternatives(error);
        var rows = new List<ClassifierRow>();
        foreach (var id in ids)
        {
            if (Load(id, options, error) is not { } loaded)
            {
                continue;
            }
            var (workload, dataFolder, cleanUp) = loaded;
            try
            {
                rows.AddRange(Time(workload, dataFolder, alternatives, options.Repeat));
            }
            finally
            {
                cleanUp();
            }
            error.WriteLine($"  {id} done");
        }
        return rows;
    }

    private static IEnumerable<ClassifierRow> Time(ClassifierWorkload workload, string dataFolder, IReadOnlyList<string> alternatives, int repeat)
    {
        ClassifierRun.WarmUp(workload);
        // runs[0] is the library's, runs[1 + a] alternative a's; each round runs them all, one after the other.
        var runs = Enumerable.Range(0, 1 + alternatives.Count).Select(_ => new List<ClassifierResult>()).ToArray();
        for (var r = 0; r < repeat; r++)
        {
            runs[0].Add(ClassifierRun.Library(workload));
            for (var a = 0; a < alternatives.Count; a++)
            {
                runs[1 + a].Add(ClassifierRun.Alternative(workload, alternatives[a], dataFolder));
            }
        }
        var medians = runs.Select(list => list[^1] with { Seconds = Statistics.Median(list.Select(l => l.Seconds)) }).ToList();
        return medians.Select(m => new ClassifierRow(workload, m, medians[0]));
    }

    /// <summary>The workload, the folder the Python side reads its data from, and what to delete afterwards.</summary>
    private static (ClassifierWorkload Workload, string DataFolder, Action CleanUp)? Load(string id, BenchmarkOptions options, TextWriter error)
    {
        if (id == "W6")
        {
            var digits = ClassifierWorkload.Digits();
            var folder = Path.Combine(Path.GetTempPath(), $"neuralnotebooks-bench-{Environment.ProcessId}-w6");
            PythonExport.Write(folder, digits.Train, digits.Test);
            return (digits, folder, () => Directory.Delete(folder, recursive: true));
        }
        var fashion = FashionMnistFiles.DebianFolder;
        if (!FashionMnistFiles.Present(fashion) && !DebianPackages.Ensure([FashionMnistFiles.DebianPackage], () => FashionMnistFiles.Present(fashion), error))
        {
            error.WriteLine($"W7 left out: Fashion-MNIST is not in {fashion}.");
            return null;
        }
        return (ClassifierWorkload.Fashion(fashion, options.FashionEpochs), fashion, () => { });
    }

    private static IReadOnlyList<string> AvailableAlternatives(TextWriter error)
    {
        var sklearn = DebianPackages.Ensure(["python3-sklearn"], () => DebianPackages.PythonImports("sklearn"), error);
        var torch = DebianPackages.Ensure(["python3-torch"], () => DebianPackages.PythonImports("torch"), error);
        return ClassifierRun.Alternatives.Where(a => a.StartsWith("torch", StringComparison.Ordinal) ? torch : sklearn).ToList();
    }
}
