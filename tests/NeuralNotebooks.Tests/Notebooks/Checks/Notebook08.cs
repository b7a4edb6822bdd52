using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook08 : NotebookCheck
{
    public override string Notebook => "08-datasets-and-decision-boundaries";

    public override void Check(ExecutedNotebook run)
    {
        var charts = run.Charts;
        Assert.Equal(7, charts.Count);                     // data sets, boundaries, two layers of hidden units, the animation, iris's losses, its network
        Assert.Equal(5 * 2, charts[0].Count);              // five data sets, two classes each
        Assert.Equal(4 * 3, charts[1].Count);              // four network shapes: a heatmap and two point sets
        Assert.Equal(16, charts[2].Count);                 // one map per neuron of hidden layer 1
        var animation = charts[4];
        var frames = animation.Count(t => t.GetProperty("type").GetString() == "heatmap");
        Assert.Equal(11, frames);                          // epochs 0, 15, …, 135 and the last
        Assert.Single(animation, t => t.GetProperty("type").GetString() == "heatmap" && t.GetProperty("visible").GetBoolean());
        Assert.Contains("\"sliders\":[{\"steps\":", run.ChartHtml[4], StringComparison.Ordinal);

        // Depth and width on the spiral: two neurons get not much more than half, eight more, two layers of sixteen all but
        // about one point in twenty, and a third layer next to nothing more.
        var accuracy = Regex.Matches(run.Output, @"^(2-[0-9-]+) +accuracy +([0-9.]+) %$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(["2-2-1", "2-8-1", "2-16-16-1", "2-16-16-16-1"], accuracy.Keys);
        Assert.InRange(accuracy["2-2-1"], 50, 65);
        Assert.True(accuracy["2-8-1"] > accuracy["2-2-1"] + 5);
        Assert.InRange(accuracy["2-16-16-1"], 93, 97);
        Assert.InRange(accuracy["2-16-16-16-1"] - accuracy["2-16-16-1"], -2, 2);

        // The iris CSV: 150 flowers, three one-hot classes, a 105/45 split, ranges as stated, scaled on the training rows only.
        Assert.Contains("iris: 150 examples, 4 inputs, 3 classes\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("classes: setosa, versicolor, virginica; flower 0's target row: 1 0 0\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("iris (train): 105 examples, 4 inputs, 3 classes\niris (test): 45 examples, 4 inputs, 3 classes\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("petal_width  from 0.1 to 2.5 cm\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("training columns: means 0.00, 0.00, 0.00, 0.00; standard deviations 1.00, 1.00, 1.00, 1.00\n", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test columns:     means 0.00, 0.00, 0.00, 0.00\n", run.Output, StringComparison.Ordinal);

        // Train and test loss side by side, naming the loss; the training loss starts above ln 3 and ends near 0 with every
        // training flower right; the test loss turns up early and ends several times its lowest; the test accuracy stays high.
        Assert.Equal(["train", "test"], charts[5].Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("loss (softmax cross-entropy)", run.ChartHtml[5], StringComparison.Ordinal);
        Assert.True(run.Number(@"training loss: first epoch ([0-9.]+)") > Math.Log(3));
        Assert.True(run.Number(@"training loss: first epoch [0-9.]+, last ([0-9.]+)") < 0.05);
        var lowest = run.Number(@"test loss: lowest ([0-9.]+)");
        Assert.InRange(run.Number(@"test loss: lowest [0-9.]+ after (\d+) epochs"), 10, 100);
        Assert.True(run.Number(@"test loss: lowest [0-9.]+ after \d+ epochs, last ([0-9.]+)") > 3 * lowest);
        Assert.Contains("accuracy: training 100.0 %", run.Output, StringComparison.Ordinal);
        Assert.True(run.Number(@"accuracy: training [0-9.]+ %, test ([0-9.]+) %") >= 90);

        // The network drawn (4-8-3) and its answer for the first test flower, which is right.
        Assert.Contains("The network 4-8-3", run.ChartHtml[6], StringComparison.Ordinal);
        var first = Regex.Match(run.Output, @"first test flower: a (\w+); the network says (.+)\n");
        Assert.True(first.Success);
        var answer = Regex.Matches(first.Groups[2].Value, @"(\w+) ([0-9.]+) %").MaxBy(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))!;
        Assert.Equal(first.Groups[1].Value, answer.Groups[1].Value);
    }
}
