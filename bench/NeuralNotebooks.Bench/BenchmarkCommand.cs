using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Bench;

/// <summary>
/// Runs W1–W5 with the library and, in the same run, with the blog's numpy code generalised to layers; checks that
/// every implementation ends with the expected final loss; prints a table of medians.
/// </summary>
internal static class BenchmarkCommand
{
    private const double LossTolerance = 1e-9;
    private const string Python = "/usr/bin/python3";

    public static int Run(string[] args)
    {
        var repeat = int.Parse(args.FirstOrDefault(a => a.StartsWith("--repeat=", StringComparison.Ordinal))?[9..] ?? "3", CultureInfo.InvariantCulture);
        var only = args.Where(a => a.StartsWith('W')).ToHashSet();
        var workloads = Workload.All().Where(w => only.Count == 0 || only.Contains(w.Id)).ToList();
        var numpyAvailable = EnsureNumpy();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {CpuName()}; .NET {Environment.Version}; medians of {repeat} repetitions, library and numpy alternating.");

        var rows = new List<Row>();
        foreach (var workload in workloads)
        {
            var library = new List<double>();
            var numpy = new List<double>();
            (double Loss, double Bytes) libraryResult = default;
            NumpyResult? numpyResult = null;
            LibraryRun.Time(workload); // untimed: compiles the library's code, so the timings are of steady state
            for (var r = 0; r < repeat; r++)
            {
                var (seconds, loss, bytes) = LibraryRun.Time(workload);
                library.Add(seconds);
                libraryResult = (loss, bytes);
                if (numpyAvailable)
                {
                    numpyResult = RunNumpy(workload.Id);
                    numpy.Add(numpyResult.Seconds.Single());
                }
            }
            rows.Add(new Row(workload, Median(library), libraryResult.Loss, libraryResult.Bytes, numpyAvailable ? Median(numpy) : null, numpyResult));
            Console.Error.WriteLine($"  {workload.Id} done");
        }
        Print(rows);
        return rows.All(r => r.LibraryMatches && (r.Numpy is null || r.NumpyMatches)) ? 0 : 1;
    }

    private sealed record Row(Workload Workload, double Library, double LibraryLoss, double BytesPerEpoch, double? Numpy, NumpyResult? NumpyRun)
    {
        public bool LibraryMatches => Math.Abs(LibraryLoss - Workload.ExpectedLoss) <= LossTolerance * Workload.ExpectedLoss;

        public bool NumpyMatches => NumpyRun is { } n && Math.Abs(n.FinalLoss - Workload.ExpectedLoss) <= LossTolerance * Workload.ExpectedLoss;
    }

    private sealed record NumpyResult(string Id, double[] Seconds, double FinalLoss, string Blas, string Version);

    private static void Print(IReadOnlyList<Row> rows)
    {
        if (rows.FirstOrDefault(r => r.NumpyRun is not null)?.NumpyRun is { } first)
        {
            Console.WriteLine($"numpy {first.Version}, BLAS: {first.Blas}");
        }
        Console.WriteLine();
        Console.WriteLine("| workload | library (s) | numpy (s) | numpy / library | library µs/epoch | library bytes/epoch | final loss: library | numpy | expected |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |");
        foreach (var row in rows)
        {
            var w = row.Workload;
            string Loss(double loss, bool matches) => $"{loss.ToString("R", CultureInfo.InvariantCulture)} {(matches ? "✓" : "✗ MISMATCH")}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {w.Id} {w.Name} | {row.Library:0.0000} | {(row.Numpy is { } n ? n.ToString("0.000", CultureInfo.InvariantCulture) : "not run")} | " +
                $"{(row.Numpy is { } m ? $"{m / row.Library:0.0}×" : "–")} | {row.Library / w.EpochsInAll * 1e6:0.000} | {row.BytesPerEpoch:0.#} | " +
                $"{Loss(row.LibraryLoss, row.LibraryMatches)} | {(row.NumpyRun is { } r ? Loss(r.FinalLoss, row.NumpyMatches) : "–")} | {w.ExpectedLoss.ToString("R", CultureInfo.InvariantCulture)} |"));
        }
        var failures = rows.Where(r => !r.LibraryMatches || (r.NumpyRun is not null && !r.NumpyMatches)).ToList();
        Console.WriteLine(failures.Count == 0
            ? $"\nEvery final loss matches the expected one (relative difference ≤ {LossTolerance:0e0})."
            : $"\nFAILURE: {string.Join(", ", failures.Select(f => f.Workload.Id))} did not end with the expected final loss.");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static NumpyResult RunNumpy(string id)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "numpy_workloads.py"));
        start.ArgumentList.Add(id);
        start.ArgumentList.Add("--repeat=1");
        // OpenBLAS 0.3.21 does not know this CPU (Zen 5) and would pick its AVX2 kernels; give numpy its best.
        start.Environment["OPENBLAS_CORETYPE"] = "SkylakeX";
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        process.WaitForExit();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new NumpyResult(root.GetProperty("id").GetString()!, root.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            root.GetProperty("final_loss").GetDouble(), root.GetProperty("blas").GetString()!, root.GetProperty("numpy").GetString()!);
    }

    /// <summary>Installs Debian's python3-numpy and libopenblas0-pthread where they are missing (needs root, as on CI).</summary>
    private static bool EnsureNumpy()
    {
        if (Succeeds(Python, "-c \"import numpy\"") && Succeeds("dpkg", "-s libopenblas0-pthread"))
        {
            return true;
        }
        Console.Error.WriteLine("Installing Debian's python3-numpy and libopenblas0-pthread for the numpy side …");
        var installed = Succeeds("apt-get", "update -qq") && Succeeds("apt-get", "install -y -qq python3-numpy libopenblas0-pthread");
        if (!installed || !Succeeds(Python, "-c \"import numpy\""))
        {
            Console.Error.WriteLine("Could not install numpy (apt-get needs root); the numpy columns are left out.");
            return false;
        }
        return true;
    }

    private static bool Succeeds(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string CpuName() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}

/// <summary>Times the library on a workload through its public training API (the engine Trainer picks), as Train and LearningRateSweep use it.</summary>
internal static class LibraryRun
{
    public static (double Seconds, double FinalLoss, double BytesPerEpoch) Time(Workload w) => w.Id switch
    {
        "W3" => Sweep(w),
        _ => Trained(w),
    };

    private static (double, double, double) Trained(Workload w)
    {
        var network = Network(w);
        var clock = Stopwatch.StartNew();
        network.Train(w.X, w.y, Loss.MeanSquaredError, TrainingOptions.Blog(w.Epochs, w.Rates[0]));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, Loss.MeanSquaredError.Value(w.y, network.Predict(w.X)), BytesPerEpoch(w, w.Rates[0]));
    }

    private static (double, double, double) Sweep(Workload w)
    {
        var clock = Stopwatch.StartNew();
        var runs = LearningRateSweep.Run(w.Rates, w.X, w.y, w.Epochs);
        var seconds = clock.Elapsed.TotalSeconds;
        var sum = runs.Sum(r => Losses.MeanSquaredError.Value(w.y, r.Network!.Predict(w.X)));
        return (seconds, sum, BytesPerEpoch(w, 0.1));
    }

    private static NeuralNetwork Network(Workload w) =>
        new(w.Layers.Select(l => new DenseLayer(l.Weights, l.Bias, Activation.Sigmoid)));

    /// <summary>Bytes the whole process allocates per epoch once warmed up: a long training less a short one, per extra epoch.</summary>
    private static double BytesPerEpoch(Workload w, double rate)
    {
        const int Short = 20, Long = 220;
        double Allocated(int epochs)
        {
            var network = Network(w);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            network.Train(w.X, w.y, Loss.MeanSquaredError, TrainingOptions.Blog(epochs, rate));
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        Allocated(Short);
        return (Allocated(Long) - Allocated(Short)) / (Long - Short);
    }
}
