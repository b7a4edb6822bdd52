namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook10 : NotebookCheck
{
    public override string Notebook => "10-handwritten-digits";

    public override void Check(ExecutedNotebook run)
    {
        var accuracy = run.Number(@"test accuracy ([0-9.]+) %");
        Assert.True(accuracy >= 95, $"test accuracy {accuracy} % is below 95 %");
        Assert.Equal(4, run.Charts.Count);                 // sample digits, loss curve, confusion matrix, mistakes
        var confusion = Assert.Single(run.Charts[2]);
        Assert.Equal(449, confusion.GetProperty("z").EnumerateArray().Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));
        run.AssertProgressEndsAt("30 / 30 epochs");
    }
}
