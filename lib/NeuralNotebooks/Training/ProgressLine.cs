using System.Diagnostics;
using NeuralNotebooks.Text;

namespace NeuralNotebooks.Training;

/// <summary>
/// Turns per-epoch reports into a progress line ("Epoch 4,200 / 10,000 · loss 0.0123"), shown at most
/// every <c>interval</c> and always at the last epoch, so a notebook cell can update one line while it trains.
/// </summary>
public static class ProgressLine
{
    /// <summary>A per-epoch callback that calls <paramref name="show"/> with the progress line, throttled.</summary>
    /// <param name="show">Where the line goes: a notebook's updatable display, or the console.</param>
    /// <param name="interval">The least time between two lines; 100 ms when not given.</param>
    public static Action<EpochReport> Every(Action<string> show, TimeSpan? interval = null)
    {
        Guard.NotNull(show, nameof(show));
        var minimum = interval ?? TimeSpan.FromMilliseconds(100);
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.MinValue;
        return report =>
        {
            var now = clock.Elapsed;
            if (report.Epoch == report.Epochs - 1 || report.Epoch == 0 || now - last >= minimum)
            {
                last = now;
                show(Format(report));
            }
        };
    }

    /// <summary>The progress line for one report.</summary>
    public static string Format(EpochReport report)
    {
        Guard.NotNull(report, nameof(report));
        return $"Epoch {report.Epoch + 1:N0} / {report.Epochs:N0} · loss {PythonFormat.Fixed(report.Loss, 4)}";
    }
}
