using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution09 : NotebookCheck
{
    public override string Notebook => "solutions/09-optimizers-and-batches";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: no SGD rate catches momentum; the best is at 2 or 3; from 1 on the loss bounces; from 5 on the
        // network dies: the loss climbs above its start, most ReLUs are dead, one answer for every point.
        var momentum = run.Number(@"momentum η = 0\.5: last loss ([0-9.]+)");
        var sgd = Regex.Matches(run.Output, @"SGD η = +([0-9.]+): last loss ([0-9.]+), highest ([0-9.]+), rose in +(\d+) epochs, predictions ([0-9.]+) to ([0-9.]+), +(\d+) dead")
            .ToDictionary(m => Parse(m.Groups[1].Value), m => m.Groups.Values.Skip(2).Select(g => Parse(g.Value)).ToArray());
        Assert.Equal([0.5, 1, 2, 3, 4, 5, 8, 10], sgd.Keys);
        Assert.All(sgd.Values, r => Assert.True(r[0] > momentum));
        Assert.Contains(sgd.MinBy(r => r.Value[0]).Key, new[] { 2.0, 3.0 });
        Assert.True(sgd[0.5][2] < 20 && sgd[1][2] > 50);
        foreach (var rate in new[] { 5.0, 8, 10 })
        {
            var (last, highest, low, high, dead) = (sgd[rate][0], sgd[rate][1], sgd[rate][3], sgd[rate][4], sgd[rate][5]);
            Assert.True(highest > 0.7462 && dead > 16 && low == high, $"η = {rate}");
            Assert.True(last >= 0.6931, $"η = {rate}");
        }
        Assert.Equal(0.6931, sgd[5][0]);
        Assert.Equal(0.5, sgd[5][3]);
        Assert.True(sgd[10][0] > 0.6931);

        // Exercise 2: one example per update at 0.5 falls early and ends about as high as the untrained network; at 0.05
        // it ends lower than batches of 10 at 0.5, still going up in several epochs.
        var single = Batch(run.Output, "batches of 1, η = 0.5");
        var singleSmall = Batch(run.Output, "batches of 1, η = 0.05");
        var tens = Batch(run.Output, "batches of 10, η = 0.5");
        Assert.True(single.LowestIn < 10 && single.Last > 0.69 && single.Last > 1.5 * single.Lowest);
        Assert.True(singleSmall.Last < tens.Last);
        Assert.True(singleSmall.Rises >= 3);
        Assert.Equal(3, Assert.Single(run.Charts).Count); // the three runs on one chart

        // Exercise 3: the best λ is 0.01, 0.01 to 0.05 within a point of it; larger λ, smaller weights, training accuracy
        // from 98 % to about 80 %; from 0.2 every weight is 0 and every answer 0.50.
        var lambdas = Regex.Matches(run.Output, @"λ = ([0-9.]+) *: train +([0-9.]+) %, fresh +([0-9.]+) %, weight size +([0-9.]+), predictions ([0-9.]+) to ([0-9.]+)")
            .ToDictionary(m => Parse(m.Groups[1].Value), m => m.Groups.Values.Skip(2).Select(g => Parse(g.Value)).ToArray());
        Assert.Equal(10, lambdas.Count);
        var best = lambdas.MaxBy(l => l.Value[1]);
        Assert.Equal(0.01, best.Key);
        Assert.All(new[] { 0.01, 0.02, 0.03, 0.05 }, l => Assert.True(best.Value[1] - lambdas[l][1] < 1));
        var sizes = lambdas.Values.Select(v => v[2]).ToList();
        Assert.True(sizes.Zip(sizes.Skip(1)).All(pair => pair.Second <= pair.First));
        Assert.InRange(lambdas[0][0], 98, 99);
        Assert.InRange(lambdas[0.05][0], 78, 83);
        foreach (var l in new[] { 0.2, 0.5 })
        {
            Assert.Equal([50, 50, 0, 0.5, 0.5], lambdas[l]);
        }

        // Exercise 4: the blog's SGD creeps from 0.2522 and every prediction stays near 0.5; Adam is below 0.01 by
        // epoch 100 and answers within 0.05 of 0, 1, 1, 0.
        var blog = Losses(run.Output, "sgd");
        Assert.Equal(0.2522, blog[0]);
        Assert.All(blog, l => Assert.True(l > 0.24));
        Assert.All(Predictions(run.Output, 0), p => Assert.InRange(p, 0.4, 0.6));
        Assert.True(Losses(run.Output, "adam")[1] < 0.01);
        Assert.All(Predictions(run.Output, 1).Zip(new[] { 0.0, 1, 1, 0 }), p => Assert.True(Math.Abs(p.First - p.Second) < 0.05));
    }

    private static (double Lowest, int LowestIn, double Last, int Rises) Batch(string output, string name)
    {
        var line = Regex.Match(output, $@"{Regex.Escape(name)} +lowest ([0-9.]+) in epoch (\d+), last ([0-9.]+), rose in (\d+) of 19 epochs");
        Assert.True(line.Success, $"No line for {name} in:\n{output}");
        return (Parse(line.Groups[1].Value), (int)Parse(line.Groups[2].Value), Parse(line.Groups[3].Value), (int)Parse(line.Groups[4].Value));
    }

    private static double[] Losses(string output, string optimizer) =>
        Regex.Match(output, $@"^{optimizer} *: (.+)$", RegexOptions.Multiline).Groups[1].Value.Split(' ').Select(Parse).ToArray();

    private static double[] Predictions(string output, int run) =>
        Regex.Matches(output, @"predictions (.+) \(targets 0 1 1 0\)")[run].Groups[1].Value.Split("  ").Select(Parse).ToArray();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
