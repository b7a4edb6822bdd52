using System.Diagnostics;

namespace NeuralNotebooks.Bench;

/// <summary>Runs a workload's library training untimed until the timed runs that follow are of steady state.</summary>
/// <remarks>
/// <para>
/// .NET first compiles a method quickly, then, once it has been called often and no new method has needed compiling for
/// a while (100 ms by default), compiles it again, optimised, on a background thread. One untimed run of a short
/// workload ends long before that, so its timed runs began in the quick code: a 1,000-epoch W1 took twice as long
/// in the benchmark as back to back, and W6 0.061 s alone against 0.045 s after W4 and W5 had run. So the untimed runs go
/// on for a second, however many that takes.
/// </para>
/// <para>
/// It also makes the timed runs alike: W6 and W7 copy the data into the memory of the copy before
/// (<c>lib/NeuralNotebooks/Fast/SpareCopies.cs</c>). Only the first training in a process writes that memory fresh,
/// which costs W7 some 0.8 s more (a page fault per 4 KB of 376 MB); as a timed run it would never have been the
/// median, but it made the median of three the slower of the other two.
/// </para>
/// </remarks>
internal static class WarmUp
{
    private static readonly TimeSpan Least = TimeSpan.FromSeconds(1);

    public static void Run(Action untimedRun)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            untimedRun();
        }
        while (clock.Elapsed < Least);
    }
}
