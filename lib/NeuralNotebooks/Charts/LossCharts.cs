using NeuralNotebooks.Training;
using Plotly.NET;

namespace NeuralNotebooks.Charts;

// Loss curves: the loss of every epoch, on the training data and, when it was measured, on test data.
public static partial class Charts
{
    /// <summary>
    /// The loss of every epoch of a training run; when the history holds test losses, they are a second, dashed line
    /// ("train" and "test"). The y axis names the loss (<see cref="TrainingHistory.LossName"/>).
    /// </summary>
    /// <remarks>
    /// Losses[e] is measured during epoch e, so it is drawn at e; TestLosses[e] is measured after epoch e's updates, so
    /// it is drawn at e + 1 (the number of epochs trained).
    /// </remarks>
    public static GenericChart LossCurve(TrainingHistory history, string name = "loss")
    {
        Guard.NotNull(history, nameof(history));
        Guard.NotNull(name, nameof(name));
        var traces = LossTraces(history, history.TestLosses is null ? name : "train", "test", Palette.Qualitative[0], Palette.Qualitative[1], sample: false);
        var title = history.TestLosses is null ? "Training loss over time" : "Training and test loss over time";
        return Finish(Figure(traces, [], 760, 440), title, "epoch", $"loss ({history.LossName})");
    }

    /// <summary>
    /// Several training runs' loss curves on one chart, one colour per run (a solid line for its training loss and,
    /// when measured, a dashed one in the same colour for its test loss). The y axis is logarithmic unless
    /// <paramref name="logY"/> is false, and names the loss when every run measured the same one.
    /// </summary>
    /// <exception cref="ArgumentException">A run's history is null, or, with <paramref name="logY"/>, no loss is above 0.</exception>
    public static GenericChart LossCurves(IEnumerable<(string Name, TrainingHistory History)> runs, bool logY = true)
    {
        Guard.NotNull(runs, nameof(runs));
        var all = runs.ToList();
        if (all.Any(r => r.History is null))
        {
            throw new ArgumentException("runs must each have a history, but one was null.", nameof(runs));
        }
        return LossCurves(all, Palette.Distinct(all.Count), "Loss curves", logY, sample: false);
    }

    /// <summary>The runs' loss curves in the colours given; with <paramref name="sample"/>, a few hundred points of each (<see cref="CurveSampling"/>).</summary>
    private static GenericChart LossCurves(
        IReadOnlyList<(string Name, TrainingHistory History)> runs, IReadOnlyList<string> colors, string title, bool logY, bool sample)
    {
        var traces = runs.SelectMany((run, i) => LossTraces(run.History, run.Name, $"{run.Name} (test)", colors[i], colors[i], sample)).ToList();
        var lossNames = runs.Select(r => r.History.LossName).Distinct().ToList();
        // A run's train and test lines form a legend group; no gap between groups keeps a dozen runs' legend on screen.
        var legend = new Dictionary<string, object> { ["tracegroupgap"] = 0 };
        var chart = Finish(Figure(traces, new() { ["legend"] = legend }, 760, 460), title, "epoch", lossNames.Count == 1 ? $"loss ({lossNames[0]})" : "loss");
        return logY ? WithLogY(chart, runs.SelectMany(r => r.History.Losses.Concat(r.History.TestLosses ?? [])), nameof(runs)) : chart;
    }

    /// <summary>The training loss as a solid line and, when measured, the test loss as a dashed one.</summary>
    private static IEnumerable<Trace> LossTraces(TrainingHistory history, string trainName, string testName, string trainColor, string testColor, bool sample)
    {
        yield return LossTrace(history.Losses, firstEpoch: 0, trainName, trainColor, dashed: false, sample);
        if (history.TestLosses is { } test)
        {
            yield return LossTrace(test, firstEpoch: 1, testName, testColor, dashed: true, sample);
        }

        Trace LossTrace(IReadOnlyList<double> losses, int firstEpoch, string name, string color, bool dashed, bool sample)
        {
            var kept = sample ? CurveSampling.LogSpacedExtremes(losses, CurveBuckets) : Enumerable.Range(0, losses.Count).ToArray();
            var ys = kept.Select(e => losses[e]);
            var line = LineTrace(kept.Select(e => e + firstEpoch).ToArray(), sample ? Significant(ys) : ys, name, color, dashed);
            line.SetProperty("legendgroup", trainName);
            return line;
        }
    }
}
