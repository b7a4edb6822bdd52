namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook05 : NotebookCheck
{
    public override string Notebook => "05-learning-rate-lab";

    public override void Check(ExecutedNotebook run)
    {
        Assert.Equal(3, run.Charts.Count); // the loss curve, the sweep, epochs to reach the threshold
        var sweep = run.Charts[1];
        Assert.Equal(13, sweep.Count); // one trace per rate
        Assert.Equal(13, sweep.Select(t => t.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(sweep, t => Assert.StartsWith("η = ", t.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.Contains("Training diverged at epoch", run.Output, StringComparison.Ordinal);
        Assert.Contains("Try a smaller learning rate.", run.Output, StringComparison.Ordinal);
        Assert.Contains("η = 0.5: loss 0.2522 → ", run.Output, StringComparison.Ordinal);
    }
}
