namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook03 : NotebookCheck
{
    public override string Notebook => "03-backpropagation-and-training";

    public override void Check(ExecutedNotebook run)
    {
        var reference = BlogReference.Text("seed-xor-output.txt");
        var blogLines = BlogReference.EpochLines(reference);
        var loops = run.CellOutputs.Where(o => o.StartsWith("Epoch 0,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, loops.Count); // the inline loop and the library's Train
        Assert.All(loops, loop => Assert.Equal(blogLines, loop));
        Assert.Contains(BlogReference.LinesAfter(reference, BlogReference.Predictions), run.Output, StringComparison.Ordinal);
        run.AssertProgressEndsAt("Epoch 1,000 / 1,000");
    }
}
