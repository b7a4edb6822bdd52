using System.Globalization;

namespace NeuralNotebooks.Bench;

/// <summary>What to run: which workloads, how many repetitions, W7's epochs, and whether to run the alternatives.</summary>
/// <param name="Workloads">The workload ids to run (W1 … W7), in the order given; every workload when none is named.</param>
/// <param name="Repeat">Timed repetitions of each workload; the table shows their medians.</param>
/// <param name="FashionEpochs">Epochs of W7 (Fashion-MNIST) for every implementation.</param>
/// <param name="LibraryOnly">Time only the library: no Python, nothing installed.</param>
internal sealed record BenchmarkOptions(IReadOnlyList<string> Workloads, int Repeat, int FashionEpochs, bool LibraryOnly)
{
    public static IReadOnlyList<string> AllWorkloads { get; } = ["W1", "W2", "W3", "W4", "W5", "W6", "W7"];

    public const string Usage = "usage: [W1 … W7] [--repeat=N (3)] [--epochs=N (W7's epochs, 2)] [--library-only]";

    /// <summary>Reads the command line.</summary>
    /// <exception cref="ArgumentException">An argument is unknown or a number is not a whole number of at least 1.</exception>
    public static BenchmarkOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchmarkOptions([], Repeat: 3, FashionEpochs: 2, LibraryOnly: false);
        var workloads = new List<string>();
        foreach (var arg in args)
        {
            if (AllWorkloads.FirstOrDefault(id => string.Equals(id, arg, StringComparison.OrdinalIgnoreCase)) is { } id)
            {
                workloads.Add(id);
                continue;
            }
            options = arg switch
            {
                _ when arg.StartsWith("--repeat=", StringComparison.Ordinal) => options with { Repeat = Count(arg, "repeat") },
                _ when arg.StartsWith("--epochs=", StringComparison.Ordinal) => options with { FashionEpochs = Count(arg, "epochs") },
                "--library-only" => options with { LibraryOnly = true },
                _ => throw new ArgumentException($"arguments must be workload ids or options ({Usage}), but one was '{arg}'.", nameof(args)),
            };
        }
        return options with { Workloads = workloads.Count == 0 ? AllWorkloads : workloads.Distinct().ToList() };
    }

    private static int Count(string arg, string name)
    {
        var text = arg[(name.Length + 3)..];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new ArgumentException($"--{name} must be a whole number of at least 1, but was '{text}'.", name);
    }
}
