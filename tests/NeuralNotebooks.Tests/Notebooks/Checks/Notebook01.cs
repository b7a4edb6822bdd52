using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook01 : NotebookCheck
{
    public override string Notebook => "01-neurons-and-activations";

    public override void Check(ExecutedNotebook run)
    {
        var activation = Assert.Single(run.Charts);
        Assert.Equal(["sigmoid", "sigmoid′ (its slope)"], activation.Select(t => t.GetProperty("name").GetString()));
        var z = ExecutedNotebook.Numbers(activation[0], "x");
        Assert.Equal(z.Select(Sigmoid.Value), ExecutedNotebook.Numbers(activation[0], "y"));
        Assert.Equal(0.25, ExecutedNotebook.Numbers(activation[1], "y").Max());
    }
}
