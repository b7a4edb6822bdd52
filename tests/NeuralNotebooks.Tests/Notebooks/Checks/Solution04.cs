using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution04 : NotebookCheck
{
    public override string Notebook => "solutions/04-results-and-plots";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: two hidden neurons learn XOR from seed 42, every answer within 0.02 of its target; the boundary and the drawing.
        AssertWithin(Answers(run, "2 hidden, seed 42: "), 0.02);
        Assert.Equal(3, run.Charts.Count);
        Assert.Equal(2 * 2 + 2 + 1, run.Charts[1].Count); // the drawing of the 2-2-1 network: a line per weight, one trace of its neurons
        var twoHidden = Regex.Matches(run.Output, @"2 hidden, seed (\d): .*   ([0-4]) of 4 right\n").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(10, twoHidden.Count);
        Assert.All(twoHidden.Values, right => Assert.Equal("4", right)); // "all ten starts find the two lines"

        // Exercise 2: all six seeds learn XOR; their boundaries differ: the centre is a confident 0 for some, a confident 1 for others.
        var seeds = Regex.Matches(run.Output, @"seed \d: (.*)   4 of 4 right, loss ([0-9.]+);  \(0\.25, 0\.75\) -> ([0-9.]+), \(0\.5, 0\.5\) -> ([0-9.]+)\n").ToList();
        Assert.Equal(6, seeds.Count);
        Assert.All(seeds, s => Assert.True(Parse(s.Groups[2].Value) < 0.01, s.Value));
        var centres = seeds.Select(s => Parse(s.Groups[4].Value)).ToList();
        Assert.Contains(centres, c => c < 0.05);
        Assert.Contains(centres, c => c > 0.95);
        // Where the centre is a 1, the band of 1s runs along the other diagonal: (0.25, 0.75) on it is a 1 too.
        Assert.All(seeds.Where(s => Parse(s.Groups[4].Value) > 0.95), s => Assert.True(Parse(s.Groups[3].Value) > 0.9, s.Value));

        // Exercise 3: the centre answers a confident 0, more certain than nine in ten points; the least certain points lie on
        // two lines parallel to the diagonal, x2 − x1 ≈ +0.56 and ≈ −0.55; (0.25, 0.75) is on the 0 side but unsure.
        Assert.True(run.Number(@"(?m)^\(0\.5, 0\.5\) -> ([0-9.]+)$") < 0.05);
        Assert.True(run.Number(@"the centre is more certain than (\d+) of the 10201 points") > 0.9 * 10201);
        var differences = Regex.Matches(run.Output, @"-> 0\.(?:49|50)\d\d   x2 − x1 = (-?[0-9.]+)\n").Select(m => Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(8, differences.Count);
        Assert.All(differences, d => Assert.InRange(Math.Abs(d), 0.5, 0.6));
        Assert.Contains(differences, d => d > 0);
        Assert.Contains(differences, d => d < 0);
        Assert.InRange(run.Number(@"(?m)^\(0\.25, 0\.75\) -> ([0-9.]+)$"), 0.2, 0.4);

        // Exercise 4: not XOR outside the square: right far along the diagonal, wrong at (−1, 0) and (0, −1).
        foreach (var point in new[] { "(2, 2)", "(5, 5)", "(-3, -3)" })
        {
            Assert.True(Outside(run, point) < 0.5, point);
        }
        foreach (var point in new[] { "(-1, 0)", "(0, -1)" })
        {
            Assert.True(Outside(run, point) > 0.9, point);
            Assert.Contains($"{point} -> ", run.Output, StringComparison.Ordinal);
            Assert.Matches(Regex.Escape(point) + @" -> \S+   XOR's rule: 0\n", run.Output);
        }
    }

    private static double[] Answers(ExecutedNotebook run, string start) =>
        Regex.Match(run.Output, Regex.Escape(start) + @"(.+)\n").Groups[1].Value.Split("  ").Take(4).Select(Parse).ToArray();

    private static void AssertWithin(double[] answers, double tolerance) =>
        Assert.All(answers.Zip(new[] { 0.0, 1, 1, 0 }), p => Assert.True(Math.Abs(p.First - p.Second) < tolerance, $"{p.First} for {p.Second}"));

    private static double Outside(ExecutedNotebook run, string point) => run.Number(Regex.Escape(point) + @" -> ([0-9.]+)   XOR's rule");

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
