using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook01 : NotebookCheck
{
    public override string Notebook => "01-neurons-and-activations";

    public override void Check(ExecutedNotebook run)
    {
        // "Very negative z gives almost 0, z = 0 gives exactly 0.5, very positive z gives almost 1."
        var sigmoid = run.OutputOf("σ({value,3})");
        Assert.Contains("σ(-10) = 0.000045\n", sigmoid, StringComparison.Ordinal);
        Assert.Contains("σ(  0) = 0.500000\n", sigmoid, StringComparison.Ordinal);
        Assert.Contains("σ( 10) = 0.999955\n", sigmoid, StringComparison.Ordinal);

        // The formula a·(1 − a) agrees with the slope measured by nudging z.
        var slope = run.Number(@"a·\(1 − a\) = ([0-9.]+), measured");
        Assert.Equal(slope, run.Number(@"a·\(1 − a\) = [0-9.]+, measured = ([0-9.]+)"));

        // "The slope is largest, 0.25, at z = 0 … at z = ±10 it is below 0.0001."
        var slopes = run.OutputOf("σ′({value,3})");
        Assert.Contains("σ′(  0) = 0.250000\n", slopes, StringComparison.Ordinal);
        Assert.True(run.Number(@"σ′\(-10\) = ([0-9.]+)") < 0.0001);
        Assert.True(run.Number(@"σ′\( 10\) = ([0-9.]+)") < 0.0001);

        // "Sigmoid.cs holds exactly these two functions."
        Assert.Equal("True\nTrue\n", run.OutputOf("Sigmoid.Value(z) == sigmoid(z)"));

        var activation = Assert.Single(run.Charts);
        Assert.Equal(["sigmoid", "sigmoid′ (its slope)"], activation.Select(t => t.GetProperty("name").GetString()));
        var z = ExecutedNotebook.Numbers(activation[0], "x");
        Assert.Equal(z.Select(Sigmoid.Value), ExecutedNotebook.Numbers(activation[0], "y"));
        Assert.Equal(0.25, ExecutedNotebook.Numbers(activation[1], "y").Max());
    }
}
