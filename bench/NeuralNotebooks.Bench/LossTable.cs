using System.Globalization;
using static System.FormattableString;

namespace NeuralNotebooks.Bench;

/// <summary>Prints the W1–W5 table: times, ratios, bytes per epoch, and every final loss against the expected one.</summary>
internal static class LossTable
{
    public static void Print(IReadOnlyList<LossRow> rows, string? numpyAbout, TextWriter output)
    {
        if (rows.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"W1–W5, the blog's network and its generalisation: library against {numpyAbout ?? "numpy (not run)"}");
        output.WriteLine();
        output.WriteLine("| workload | library (s) | numpy (s) | numpy / library | library µs/epoch | library bytes/epoch | final loss: library | numpy | expected |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |");
        foreach (var row in rows)
        {
            var (w, library) = (row.Workload, row.Library);
            var numpy = row.NumpySeconds is { } n ? Invariant($"{n:0.000}") : "not run";
            var ratio = row.NumpySeconds is { } m ? Invariant($"{m / library.Seconds:0.0}×") : "–";
            var numpyLoss = row.NumpyLoss is { } l ? Loss(l, row.NumpyMatches) : "–";
            output.WriteLine(Invariant(
                $"| {w.Id} {w.Name} | {library.Seconds:0.0000} | {numpy} | {ratio} | {library.Seconds / w.EpochsInAll * 1e6:#,0.000} | {library.BytesPerEpoch:#,0.#} | ") +
                $"{Loss(library.FinalLoss, row.LibraryMatches)} | {numpyLoss} | {Exact(w.ExpectedLoss)} |");
        }
        var failures = rows.Where(r => !r.LibraryMatches || !r.NumpyMatches).Select(r => r.Workload.Id).ToList();
        output.WriteLine(failures.Count == 0
            ? Invariant($"\nEvery final loss matches the expected one (relative difference ≤ {LossRow.Tolerance:0e0}).")
            : $"\nFAILURE: {string.Join(", ", failures)} did not end with the expected final loss: the implementations did different work.");
    }

    private static string Loss(double loss, bool matches) => $"{Exact(loss)} {(matches ? "✓" : "✗ MISMATCH")}";

    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
