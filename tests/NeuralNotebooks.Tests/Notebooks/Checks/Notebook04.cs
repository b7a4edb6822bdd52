namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook04 : NotebookCheck
{
    public override string Notebook => "04-results-and-plots";

    public override void Check(ExecutedNotebook run)
    {
        var reference = BlogReference.Text("xor-lr1.0-epochs10000.txt");
        Assert.Contains(BlogReference.LinesAfter(reference, BlogReference.Predictions), run.Output, StringComparison.Ordinal);
        Assert.Contains(BlogReference.LinesAfter(reference, BlogReference.NoisyInputs), run.Output, StringComparison.Ordinal);
        Assert.Equal(3, run.Charts.Count);
        var losses = ExecutedNotebook.Numbers(Assert.Single(run.Charts[0]), "y");
        Assert.Equal(10_000, losses.Length);
        Assert.Equal(BlogReference.Train(learningRate: 1.0, epochs: 10_000).Losses, losses);
        foreach (var boundary in run.Charts.Skip(1))
        {
            Assert.Equal(["heatmap", "scatter", "scatter"], boundary.Select(t => t.GetProperty("type").GetString()));
            Assert.Equal(50, boundary[0].GetProperty("z").GetArrayLength());
            Assert.Equal(4, boundary.Skip(1).Sum(t => t.GetProperty("x").GetArrayLength()));
        }
        run.AssertProgressEndsAt("10,000 / 10,000 epochs");
    }
}
