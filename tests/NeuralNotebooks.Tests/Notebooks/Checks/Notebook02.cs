namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook02 : NotebookCheck
{
    public override string Notebook => "02-forward-pass";

    public override void Check(ExecutedNotebook run)
    {
        Assert.Contains("True\nTrue\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("-0.250919762305275", run.PlainValues, StringComparison.Ordinal);
    }
}
