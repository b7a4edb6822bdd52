using System.Diagnostics;
using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

public class WarmUpTests
{
    [Fact]
    public void A_quick_run_is_repeated_for_at_least_a_second()
    {
        var (runs, clock) = (0, Stopwatch.StartNew());

        WarmUp.Run(() => runs++);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"the warm-up ended after {clock.Elapsed.TotalSeconds:F3} s");
        Assert.True(runs > 1000, $"a run that takes no time ran only {runs} times");
    }

    [Fact]
    public void A_run_longer_than_a_second_runs_once()
    {
        var runs = 0;

        WarmUp.Run(() =>
        {
            runs++;
            Thread.Sleep(1100);
        });

        Assert.Equal(1, runs);
    }
}
