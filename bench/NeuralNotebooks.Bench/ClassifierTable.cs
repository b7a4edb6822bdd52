using static System.FormattableString;

namespace NeuralNotebooks.Bench;

/// <summary>Prints the W6/W7 table: each implementation's time per epoch, its ratio to the library's, and its test accuracy.</summary>
internal static class ClassifierTable
{
    /// <summary>Issue 10's target for W7: the library at least this many times faster per epoch than scikit-learn …</summary>
    private const double FashionSpeedTarget = 3;

    /// <summary>… with a test accuracy within this much of PyTorch's (float32).</summary>
    private const double FashionAccuracyTarget = 0.01;

    public static void Print(IReadOnlyList<ClassifierRow> rows, TextWriter output)
    {
        if (rows.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine("W6–W7, real data through the public training API: library against scikit-learn and PyTorch (alternative / library: above 1, the library is faster)");
        output.WriteLine();
        output.WriteLine("| workload | implementation | precision | seconds | s/epoch | alternative / library | test accuracy | bytes/epoch |");
        output.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var (w, r) = (row.Workload, row.Result);
            var isLibrary = ReferenceEquals(row.Result, row.Library);
            output.WriteLine(Invariant(
                $"| {(isLibrary ? $"{w.Id} {w.Name}, {r.Epochs} epochs" : "")} | {r.Implementation} | {r.Precision} | {r.Seconds:0.000} | {r.SecondsPerEpoch:0.0000} | ") +
                Invariant($"{(isLibrary ? "–" : $"{row.Ratio:0.00}×")} | {r.TestAccuracy:P2} | {(r.BytesPerEpoch is { } b ? Invariant($"{b:#,0}") : "–")} |"));
        }
        output.WriteLine();
        foreach (var about in rows.Select(r => r.Result.About).Distinct())
        {
            output.WriteLine($"- {about}");
        }
        PrintFashionTarget(rows.Where(r => r.Workload.Id == "W7").ToList(), output);
    }

    private static void PrintFashionTarget(IReadOnlyList<ClassifierRow> fashion, TextWriter output)
    {
        var sklearn = fashion.FirstOrDefault(r => r.Result.Implementation == "scikit-learn");
        var torch = fashion.FirstOrDefault(r => r.Result is { Implementation: "PyTorch", Precision: "float32" });
        if (sklearn is null || torch is null)
        {
            return;
        }
        var library = sklearn.Library;
        var gap = torch.Result.TestAccuracy - library.TestAccuracy;
        output.WriteLine(Invariant(
            $"\nW7 target (library ≥ {FashionSpeedTarget}× faster per epoch than scikit-learn, test accuracy within {FashionAccuracyTarget * 100:0} point of PyTorch float32's): ") +
            Invariant($"{sklearn.Ratio:0.00}× ({(sklearn.Ratio >= FashionSpeedTarget ? "met" : "not met")}), ") +
            Invariant($"{library.TestAccuracy:P2} against {torch.Result.TestAccuracy:P2} ({(gap <= FashionAccuracyTarget ? "met" : "not met")})."));
    }
}
