using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary>
/// The library's progress line with the time an epoch took: "2 / 3 epochs · loss 0.4113 · 4.82 s an epoch", so that a
/// run on real data shows each epoch with its time, and a quick run on small data shows how quick.
/// </summary>
/// <remarks>
/// <see cref="ProgressLine"/> decides which epochs get a line (at most one per interval, always the first and the last);
/// the time shown is the wall-clock time since the previous line divided by the epochs done since, so it is the epoch's
/// own time whenever every epoch gets a line (epochs longer than the interval) and their mean otherwise.
/// </remarks>
internal static class EpochProgress
{
    /// <summary>A per-epoch callback that writes timed progress lines to <paramref name="show"/>, at most one per <paramref name="interval"/>.</summary>
    public static Action<EpochReport> Every(Action<string> show, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        var (previousTime, previousEpoch, epoch) = (TimeSpan.Zero, -1, 0);
        var line = ProgressLine.Every(text =>
        {
            var now = clock.Elapsed;
            show($"{text} · {Format((now - previousTime) / (epoch - previousEpoch))} an epoch");
            (previousTime, previousEpoch) = (now, epoch);
        }, interval);
        return report =>
        {
            epoch = report.Epoch;
            line(report);
        };
    }

    /// <summary>The time to about three significant digits: 12.3 s, 4.82 s, 850 ms, 3.14 ms.</summary>
    internal static string Format(TimeSpan time) => time.TotalSeconds switch
    {
        >= 10 => time.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
        >= 1 => time.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture),
        >= 0.01 => time.TotalMilliseconds.ToString("0 ms", CultureInfo.InvariantCulture),
        _ => time.TotalMilliseconds.ToString("0.00 ms", CultureInfo.InvariantCulture),
    };
}
