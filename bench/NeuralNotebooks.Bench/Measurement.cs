using System.Diagnostics;

namespace NeuralNotebooks.Bench;

/// <summary>Times a piece of work and counts the bytes the whole process allocates meanwhile (every thread).</summary>
internal static class Measurement
{
    /// <summary>The work's wall-clock seconds, and its allocated bytes divided by <paramref name="epochs"/>.</summary>
    public static (double Seconds, double BytesPerEpoch) Of(Action work, int epochs)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        work();
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (seconds, bytes / (double)epochs);
    }
}
