using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution11 : NotebookCheck
{
    public override string Notebook => "solutions/11-fashion-mnist";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: after 30 epochs the test accuracy is within a point of 15 epochs' (the notebook's, at least 88 %),
        // not rising steadily on the way and not lower at the end; the training loss ends well below epoch 15's, while the
        // test loss is lowest a few epochs after 15, then drifts up (above its value at 15) as the curves move apart.
        var long30 = Regex.Matches(run.Output, @"after (\d+) epochs: test accuracy ([0-9.]+) %, train loss ([0-9.]+), test loss ([0-9.]+)\n")
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => (Accuracy: Parse(m.Groups[2].Value), Train: Parse(m.Groups[3].Value), Test: Parse(m.Groups[4].Value)));
        Assert.Equal([15, 20, 25, 30], long30.Keys);
        Assert.True(long30[15].Accuracy >= 88);
        Assert.InRange(long30[30].Accuracy - long30[15].Accuracy, 0, 1);
        Assert.Contains(long30.Values.Zip(long30.Values.Skip(1)), p => p.Second.Accuracy < p.First.Accuracy);
        var (train, test) = (ExecutedNotebook.Numbers(run.Charts[0][0], "y"), ExecutedNotebook.Numbers(run.Charts[0][1], "y"));
        Assert.Equal(30, train.Length);
        Assert.Equal(long30[30].Train, train[^1], 4);
        Assert.True(train[^1] < train[14] - 0.05, "the training loss keeps falling");
        var best = (int)run.Number(@"lowest test loss [0-9.]+, after epoch (\d+)");
        Assert.Equal(test.Min(), test[best - 1]);
        Assert.InRange(best, 16, 22);
        Assert.True(test[^1] > test[14] && test[25..].Average() > test.Min() + 0.02, "the test loss drifts up");
        Assert.True(test[^1] - train[^1] > test[14] - train[14], "the curves move apart");

        // Exercise 2: 32 hidden neurons are less accurate than 128, but by less than two points, for a quarter of the arithmetic.
        var narrow = run.Number(@"32 hidden neurons: +test accuracy ([0-9.]+) %");
        Assert.Equal(long30[15].Accuracy, run.Number(@"128 hidden neurons: test accuracy ([0-9.]+) %"));
        Assert.InRange(long30[15].Accuracy - narrow, 0.05, 2);
        Assert.Contains("for 4.0 times the arithmetic\n", run.Output, StringComparison.Ordinal);

        // Exercise 3: at η = 0.01 the training loss, the test loss and the test accuracy after 15 epochs are all worse.
        var rates = Regex.Matches(run.Output, @"η = (0\.0+1) +train loss after epoch 1 ([0-9.]+), after 15 ([0-9.]+); test loss after 15 ([0-9.]+); test accuracy ([0-9.]+) %\n")
            .ToDictionary(m => m.Groups[1].Value, m => (Train: Parse(m.Groups[3].Value), Test: Parse(m.Groups[4].Value), Accuracy: Parse(m.Groups[5].Value)));
        Assert.Equal(["0.001", "0.01"], rates.Keys);
        Assert.True(rates["0.01"].Train > rates["0.001"].Train);
        var (first, fast) = (Regex.Matches(run.Output, @"train loss after epoch 1 ([0-9.]+)").Select(m => Parse(m.Groups[1].Value)).ToList(), ExecutedNotebook.Numbers(run.Charts[1][3], "y"));
        Assert.True(first[1] < first[0], "in the first epoch the larger rate gets a little further");
        Assert.True(fast.Zip(fast.Skip(1)).Count(p => p.Second > p.First) >= 3, "its test loss jumps up and down");
        Assert.True(rates["0.01"].Test > rates["0.001"].Test);
        Assert.True(rates["0.01"].Accuracy < rates["0.001"].Accuracy);
        Assert.Equal(long30[15].Accuracy, rates["0.001"].Accuracy);
        Assert.Equal(4, run.Charts[1].Count);   // two runs, each with a train and a test line
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
