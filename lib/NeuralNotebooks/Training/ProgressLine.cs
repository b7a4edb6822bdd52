using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Text;

namespace NeuralNotebooks.Training;

/// <summary>
/// Turns per-epoch reports into a progress line ("4,200 / 10,000 epochs · loss 0.0123"), shown at most
/// every <c>interval</c> and always after the first and the last epoch, so a notebook cell can update one line while it trains.
/// </summary>
/// <remarks>
/// The line counts the epochs done, so it ends at "10,000 / 10,000 epochs". Its loss is the one the epoch just done
/// reported: the loss of that epoch's forward pass, before its update. The blog's own lines number epochs from 0
/// ("Epoch 900, Loss: …" is the 901st epoch's loss); the progress line's loss after n epochs done is the loss the blog
/// would print as "Epoch n − 1".
/// </remarks>
public static class ProgressLine
{
    /// <summary>A per-epoch callback that calls <paramref name="show"/> with the progress line, throttled.</summary>
    /// <param name="show">Where the line goes: a notebook's updatable display, or the console.</param>
    /// <param name="interval">The least time between two lines; 100 ms when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="show"/> is null.</exception>
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

    /// <summary>The progress line for one report: "n / N epochs · loss L", n the epochs done (the report's 0-based epoch + 1).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Format(EpochReport report)
    {
        Guard.NotNull(report, nameof(report));
        return string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1:N0} / {report.Epochs:N0} epochs · loss {PythonFormat.Fixed(report.Loss, 4)}");
    }
}
