using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution07 : NotebookCheck
{
    private static readonly string[] NonLinear = ["sigmoid", "tanh", "relu", "leaky-relu"];

    public override string Notebook => "solutions/07-activation-functions";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: with the blog's uniform(−1, 1) every non-linear activation still learns both shapes, within a hundred
        // epochs of Xavier's pace, and the sigmoid learns XOR sooner; Xavier's r is 0.61 to 0.82 here, under 0.1 for 784 inputs.
        var byInitializer = Regex.Matches(run.Output, @"^(xavier|uniform) +(\S+) +XOR: (.+?)   circle: (.+)$", RegexOptions.Multiline)
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => new[] { Notebook07.Result(m.Groups[3].Value), Notebook07.Result(m.Groups[4].Value) });
        Assert.Equal(10, byInitializer.Count);
        foreach (var activation in NonLinear)
        {
            for (var shape = 0; shape < 2; shape++)
            {
                var (xavier, uniform) = (byInitializer[("xavier", activation)][shape], byInitializer[("uniform", activation)][shape]);
                Assert.True(uniform.Accuracy >= 99, $"{activation} with uniform weights: {uniform.Accuracy} %");
                Assert.InRange(Math.Abs(uniform.Epochs!.Value - xavier.Epochs!.Value), 0, 99);
            }
        }
        Assert.True(byInitializer[("uniform", "sigmoid")][0].Epochs < byInitializer[("xavier", "sigmoid")][0].Epochs);
        Assert.All(new[] { "xavier", "uniform" }, i => Assert.Null(byInitializer[(i, "linear")][0].Epochs));
        var ranges = Regex.Matches(run.Output, @"^ *(\d+) → +(\d+): Xavier's r = ([0-9.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.Equal(0.612, ranges[("8", "8")]);
        Assert.Equal(0.816, ranges[("8", "1")]);
        Assert.Equal(0.775, ranges[("2", "8")]);
        Assert.True(ranges[("784", "128")] < 0.1);

        // Exercise 2: on the spiral leaky ReLU copes best (almost every point), ReLU second; sigmoid and tanh no better than
        // linear; none below a loss of 0.1.
        var spiral = Regex.Matches(run.Output, @"^(\S+) +spiral: (.+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => Notebook07.Result(m.Groups[2].Value));
        Assert.Equal(5, spiral.Count);
        var ranked = spiral.OrderByDescending(p => p.Value.Accuracy).Select(p => p.Key).ToList();
        Assert.Equal(["leaky-relu", "relu"], ranked[..2]);
        Assert.True(spiral["leaky-relu"].Accuracy > 95);
        Assert.All(new[] { "sigmoid", "tanh" }, a => Assert.True(spiral[a].Accuracy <= spiral["linear"].Accuracy + 1));
        Assert.All(spiral.Values, r => Assert.Null(r.Epochs));
        Assert.Equal(5 * 3, run.Charts[0].Count);

        // Exercise 3: deeper, ReLU beats notebook 7's fastest (64 epochs) and the sigmoid never gets below 0.1, short of 100%;
        // the shallow sigmoid does. 0.25⁴ = 0.0039, a sixteenth of 0.25².
        var deepSigmoid = Notebook07.Result(Line(run.Output, "sigmoid 2-8-8-8-8-1  XOR: "));
        var deepRelu = Notebook07.Result(Line(run.Output, "ReLU    2-8-8-8-8-1  XOR: "));
        var shallowSigmoid = Notebook07.Result(Line(run.Output, "sigmoid 2-8-8-1      XOR: "));
        Assert.True(deepRelu.Epochs < 64);
        Assert.Null(deepSigmoid.Epochs);
        Assert.True(deepSigmoid.Accuracy < 90);
        Assert.NotNull(shallowSigmoid.Epochs);
        Assert.Contains("2 layers 0.0625, 4 layers 0.0039", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, run.Charts[1].Count);

        // Exercise 4: softplus's slope from its output is the numerical one; it learns both shapes completely, behind the
        // fastest of tanh, ReLU and leaky ReLU on each, far ahead of the sigmoid.
        var slopes = Regex.Matches(run.Output, @"slope from the output ([0-9.]+), numerical ([0-9.]+)");
        Assert.Equal(3, slopes.Count);
        Assert.All(slopes, m => Assert.Equal(Value(m, 1), Value(m, 2), 5e-6));
        var race = Notebook07.Race(run.Output);
        Assert.Equal(["sigmoid", "tanh", "relu", "leaky-relu", "linear", "softplus"], race.Keys);
        for (var shape = 0; shape < 2; shape++)
        {
            var softplus = race["softplus"][shape];
            Assert.Equal(100.0, softplus.Accuracy);
            var fast = new[] { "tanh", "relu", "leaky-relu" }.Select(a => race[a][shape].Epochs!.Value).ToList();
            Assert.InRange(softplus.Epochs!.Value, fast.Min() + 1, fast.Max() + 10);
            Assert.True(race["sigmoid"][shape].Epochs > softplus.Epochs + 50);
        }
    }

    private static string Line(string output, string prefix) => Regex.Match(output, Regex.Escape(prefix) + "(.+)\n").Groups[1].Value;

    private static double Value(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
