using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook10 : NotebookCheck
{
    public override string Notebook => "10-handwritten-digits";

    public override void Check(ExecutedNotebook run)
    {
        // Five charts: the first digits, the training and test loss, the network, the confusion matrix, the mistakes.
        Assert.Equal(5, run.Charts.Count);
        Assert.Contains("The first 12 digits", run.ChartHtml[0], StringComparison.Ordinal);
        Assert.Equal(12, run.Charts[0].Count);

        // Cross-entropy by hand is the library's; its slope for the right score is p − y, checked numerically.
        var byHand = run.Number(@"loss = −log p = ([0-9.]+)");
        Assert.Equal(byHand, Math.Round(double.Parse(run.ValueOf("Loss.SoftmaxCrossEntropy.Value(y, p)"), System.Globalization.CultureInfo.InvariantCulture), 3));
        var slope = Regex.Match(run.Output, @"numerically (-?[0-9.]+), p1 − y1 = (-?[0-9.]+)");
        Assert.True(slope.Success);
        Assert.Equal(slope.Groups[2].Value, slope.Groups[1].Value);

        // Trained by the fast engine, with train and test loss drawn and named; the test loss is lowest well before the end.
        run.AssertProgressEndsAt("30 / 30 epochs");
        Assert.Contains("by the Fast engine", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, run.Charts[1].Count);
        Assert.Contains("loss (softmax cross-entropy)", run.ChartHtml[1], StringComparison.Ordinal);
        Assert.True(run.Number(@"training loss at the end ([0-9.]+)") < 0.02, "the training loss falls to near 0");
        Assert.True(run.Number(@"test loss lowest after (\d+) epochs") <= 20, "the test loss is lowest well before the end");
        Assert.True(run.Number(@"test loss lowest after \d+ epochs \(([0-9.]+)\)") < run.Number(@"test loss .*, at the end ([0-9.]+)"));

        // Every training digit right, over 95 % of the test digits.
        Assert.Equal(100, run.Number(@"train accuracy ([0-9.]+) %"));
        var accuracy = run.Number(@"test accuracy ([0-9.]+) %");
        Assert.True(accuracy >= 95, $"test accuracy {accuracy} % is below 95 %");

        // The confusion matrix counts all 449 test digits and labels all ten; the mistakes are the digits it got wrong.
        var confusion = Assert.Single(run.Charts[3]);
        Assert.Equal(449, confusion.GetProperty("z").EnumerateArray().Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));
        Assert.Contains("\"ticktext\":[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]", run.ChartHtml[3], StringComparison.Ordinal);
        Assert.True(run.Number(@"the commonest mistake: .*, (\d+) times") >= 2);
        var wrong = run.Number(@"(\d+) of 449 test digits wrong");
        Assert.Equal(Math.Round(449 * (1 - accuracy / 100)), wrong);
        Assert.Equal(wrong, run.Charts[4].Count);
        Assert.Contains("Every misclassified test digit", run.ChartHtml[4], StringComparison.Ordinal);
    }
}
