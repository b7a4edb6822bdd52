using NeuralNotebooks.Data;

namespace NeuralNotebooks.Bench;

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
        WarmUp.Run(() => ClassifierRun.Library(workload));
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
    private static (ClassifierWorkload Workload, string DataFolder, Action CleanUp)? Load(string id, BenchmarkOptions options, TextWriter error) =>
        id == "W6" ? LoadDigits() : LoadFashion(options.FashionEpochs, error);

    /// <summary>Notebook 10's digits, exported as .npy files to a temporary folder for the Python side.</summary>
    private static (ClassifierWorkload, string, Action) LoadDigits()
    {
        var digits = ClassifierWorkload.Digits();
        var exported = Path.Combine(Path.GetTempPath(), $"neuralnotebooks-bench-{Environment.ProcessId}-w6");
        PythonExport.Write(exported, digits.Train, digits.Test);
        return (digits, exported, () => Directory.Delete(exported, recursive: true));
    }

    /// <summary>Fashion-MNIST as the library loads it, and the folder it read (which the Python side reads too).</summary>
    private static (ClassifierWorkload, string, Action)? LoadFashion(int epochs, TextWriter error)
    {
        var folder = FashionMnistFolder.Find()
            ?? (DebianPackages.Ensure([FashionMnistFolder.DebianPackage], () => FashionMnistFolder.Find() is not null, error) ? FashionMnistFolder.Find() : null);
        try
        {
            // With no folder found the library downloads the files (its last resort) into one it searches.
            var (train, test) = FashionMnist.Load(folder, error.WriteLine);
            return (ClassifierWorkload.Fashion(train, test, epochs), folder ?? FashionMnistFolder.Find()!, () => { });
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"W7 left out: {e.Message}");
            return null;
        }
    }

    private static IReadOnlyList<string> AvailableAlternatives(TextWriter error)
    {
        // OpenBLAS as for numpy in W1–W5: without it Debian's numpy falls back to the reference BLAS, several times slower
        // (scikit-learn measured 4.3× slower per epoch in W7), which would flatter the library.
        var sklearn = DebianPackages.Ensure(["python3-sklearn", "libopenblas0-pthread"], () => DebianPackages.PythonImports("sklearn"), error);
        var torch = DebianPackages.Ensure(["python3-torch", "libopenblas0-pthread"], () => DebianPackages.PythonImports("torch"), error);
        return ClassifierRun.Alternatives.Where(a => a.StartsWith("torch", StringComparison.Ordinal) ? torch : sklearn).ToList();
    }
}
