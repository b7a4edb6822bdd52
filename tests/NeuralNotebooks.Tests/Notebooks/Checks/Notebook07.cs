namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook07 : NotebookCheck
{
    public override string Notebook => "07-activation-functions";

    public override void Check(ExecutedNotebook run)
    {
        var charts = run.Charts;
        Assert.Equal(6, charts.Count); // four activations, the race's loss curves, the circle's boundaries
        Assert.Equal(["linear", "linear′ (its slope)"], charts[3].Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["sigmoid", "tanh", "relu", "leaky-relu", "linear"], charts[4].Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(5 * 3, charts[5].Count); // per activation: a heatmap and the two classes' points
        Assert.Matches(@"linear\s+XOR\s+[1-6]?[0-9]\.[0-9] %", run.Output);   // a linear network cannot learn XOR
        Assert.Matches(@"relu\s+XOR 100\.0 %", run.Output);
        Assert.Matches(@"dead ReLUs: \d+ of 16 at Adam 0.01, \d+ of 16 at SGD 5", run.Output);
    }
}
