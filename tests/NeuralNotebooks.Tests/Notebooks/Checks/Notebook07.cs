using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook07 : NotebookCheck
{
    private static readonly string[] NonLinear = ["sigmoid", "tanh", "relu", "leaky-relu"];

    public override string Notebook => "07-activation-functions";

    public override void Check(ExecutedNotebook run)
    {
        var charts = run.Charts;
        Assert.Equal(7, charts.Count); // four activations, the race's loss curves, the circle's boundaries, the dead network
        Assert.Equal(["linear", "linear′ (its slope)"], charts[3].Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["sigmoid", "tanh", "relu", "leaky-relu", "linear"], charts[4].Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(5 * 3, charts[5].Count); // per activation: a heatmap and the two classes' points
        Assert.Contains("loss (binary cross-entropy)", run.ChartHtml[4], StringComparison.Ordinal);

        // Cross-entropy grows without bound (4.6 at a = 0.01) where squared error stays below 1; the library's is the same formula.
        Assert.Contains("y = 1, a = 0.01: cross-entropy  4.605   squared error  0.980", run.Output, StringComparison.Ordinal);
        Assert.Contains("y = 1, a =  0.5: cross-entropy  0.693", run.Output, StringComparison.Ordinal);
        Assert.Equal("True", run.ValueOf("Loss.BinaryCrossEntropy.Value("));

        // The race: linear learns neither shape (loss near ln 2); the sigmoid is last below 0.1 on both, long after the others,
        // and still above 0.6 after 100 epochs on XOR; tanh, ReLU and leaky ReLU all within 150 epochs; leaky ReLU fastest on
        // XOR, tanh on the circle; every non-linear activation gets every point.
        var race = Race(run.Output);
        Assert.Equal(["sigmoid", "tanh", "relu", "leaky-relu", "linear"], race.Keys);
        foreach (var shape in new[] { 0, 1 })
        {
            var linear = race["linear"][shape];
            Assert.Null(linear.Epochs);
            Assert.InRange(linear.Loss, Math.Log(2) - 0.03, Math.Log(2));
            Assert.InRange(linear.Accuracy, 40, 65);
            var others = new[] { "tanh", "relu", "leaky-relu" }.Select(a => race[a][shape].Epochs!.Value).ToList();
            Assert.All(others, e => Assert.InRange(e, 1, 149));
            Assert.True(race["sigmoid"][shape].Epochs > others.Max() + 50, $"sigmoid is not long after the others on data set {shape}");
            Assert.All(NonLinear, a => Assert.Equal(100.0, race[a][shape].Accuracy));
        }
        Assert.Equal("leaky-relu", NonLinear.MinBy(a => race[a][0].Epochs));
        Assert.Equal("tanh", NonLinear.MinBy(a => race[a][1].Epochs));
        var sigmoidCurve = ExecutedNotebook.Numbers(charts[4][0], "y");
        Assert.True(sigmoidCurve[100] > 0.6, $"the sigmoid's loss after 100 epochs is {sigmoidCurve[100]}");

        Assert.True(run.Number(@"(\d+)% of layer 1's outputs are beyond ±0.99") > 25);

        // Dead ReLUs: some before training; a few more after careful training, which still gets every point; most at η = 5,
        // which then answers 0.5 everywhere (loss ln 2, half right). Leaky ReLU at η = 5: none dead, better than ln 2, still poor.
        var before = (int)run.Number(@"before training +(\d+) of 16 dead");
        Assert.InRange(before, 1, 3);
        foreach (var careful in new[] { "Adam η = 0.01", "SGD η = 0.5" })
        {
            var dead = (int)run.Number(Regex.Escape(careful) + @" +(\d+) of 16 dead");
            Assert.InRange(dead, before + 1, 4);
            Assert.Matches(Regex.Escape(careful) + @" +\d+ of 16 dead, last loss 0\.0[0-9]+, accuracy 100\.0 %", run.Output);
        }
        Assert.True(run.Number(@"SGD η = 5 +(\d+) of 16 dead") > 8);
        Assert.Matches(@"SGD η = 5 +\d+ of 16 dead, last loss 0\.6931, accuracy 50\.0 %", run.Output);
        Assert.Contains("at η = 5 the network answers from 0.5000 to 0.5000", run.Output, StringComparison.Ordinal);
        Assert.Contains("leaky, SGD η = 5  0 of 16 dead", run.Output, StringComparison.Ordinal);
        Assert.InRange(run.Number(@"leaky, SGD η = 5 .* last loss ([0-9.]+)"), 0.1, Math.Log(2) - 0.01);
        Assert.InRange(run.Number(@"leaky, SGD η = 5 .* accuracy ([0-9.]+) %"), 51, 90);
    }

    /// <summary>The race's table: per activation, (epoch below 0.1 or null for never, last loss, accuracy %) on XOR and on the circle.</summary>
    internal static Dictionary<string, (int? Epochs, double Loss, double Accuracy)[]> Race(string output) =>
        Regex.Matches(output, @"^(\S+) +XOR: (.+?)   circle: (.+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => new[] { Result(m.Groups[2].Value), Result(m.Groups[3].Value) });

    internal static (int? Epochs, double Loss, double Accuracy) Result(string text)
    {
        var m = Regex.Match(text, @"below 0\.1 at epoch +(\S+), last loss ([0-9.]+), accuracy +([0-9.]+) %");
        Assert.True(m.Success, text);
        int? epochs = m.Groups[1].Value == "never" ? null : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return (epochs, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
    }
}
