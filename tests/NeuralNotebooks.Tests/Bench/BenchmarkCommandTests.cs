using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>The benchmark's verdict: it exits 1 when an implementation ends with another final loss than WORKLOADS.md's.</summary>
public class BenchmarkCommandTests
{
    private static readonly BenchmarkOptions W1LibraryOnly = BenchmarkOptions.Parse(["W1", "--repeat=1", "--library-only"]);

    [Fact]
    public void The_expected_final_loss_makes_the_benchmark_exit_0()
    {
        var (exitCode, output) = Run(Workload.All());

        Assert.Equal(0, exitCode);
        Assert.Contains("| 0.23916934302051956 ✓ | – | 0.23916934302051956 |", output, StringComparison.Ordinal);
        Assert.Contains("Every final loss matches the expected one", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_loss_other_than_the_expected_one_makes_the_benchmark_exit_1()
    {
        var wrong = Workload.All().Select(w => w with { ExpectedLoss = w.ExpectedLoss * (1 + 1e-6) }).ToList();

        var (exitCode, output) = Run(wrong);

        Assert.Equal(1, exitCode);
        Assert.Contains("0.23916934302051956 ✗ MISMATCH", output, StringComparison.Ordinal);
        Assert.Contains("FAILURE: W1 did not end with the expected final loss", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_argument_exits_2_and_names_it()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = BenchmarkCommand.Run(["W8"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("but one was 'W8'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    private static (int ExitCode, string Output) Run(IReadOnlyList<Workload> workloads)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = BenchmarkCommand.Run(W1LibraryOnly, workloads, output, error);
        return (exitCode, output.ToString());
    }
}
