namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook08 : NotebookCheck
{
    public override string Notebook => "08-datasets-and-decision-boundaries";

    public override void Check(ExecutedNotebook run)
    {
        var charts = run.Charts;
        Assert.Equal(5, charts.Count);                     // data sets, boundaries, two layers of hidden units, the animation
        Assert.Equal(5 * 2, charts[0].Count);              // five data sets, two classes each
        Assert.Equal(4 * 3, charts[1].Count);              // four network shapes: a heatmap and two point sets
        Assert.Equal(16, charts[2].Count);                 // one map per neuron of hidden layer 1
        var animation = charts[4];
        var frames = animation.Count(t => t.GetProperty("type").GetString() == "heatmap");
        Assert.Equal(11, frames);                          // epochs 0, 15, …, 135 and the last
        Assert.Single(animation, t => t.GetProperty("type").GetString() == "heatmap" && t.GetProperty("visible").GetBoolean());
        Assert.Contains("\"sliders\":[{\"steps\":", run.ChartHtml[^1], StringComparison.Ordinal);
    }
}
