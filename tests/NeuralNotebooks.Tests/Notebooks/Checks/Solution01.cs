using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Solution01 : NotebookCheck
{
    public override string Notebook => "solutions/01-neurons-and-activations";

    public override void Check(ExecutedNotebook run)
    {
        // Exercise 1: z must pass ln 9; raising w1 or b gets there, no w2 does (x2 = 0).
        Assert.Equal(Math.Log(9), run.Number(@"above ln 9 = ([0-9.]+)"), 4);
        Assert.True(run.Number(@"raise w1:\s+σ = ([0-9.]+)") > 0.9);
        Assert.True(run.Number(@"raise b:\s+σ = ([0-9.]+)") > 0.9);
        Assert.Equal(Sigmoid.Value(0.6), run.Number(@"raise w2 by 100: σ = ([0-9.]+)"), 4);

        // Exercise 2: the slope falls to 0.01 at |z| ≈ 4.585, 25 times below its peak, and thousands of times by z = 10.
        var edge = run.Number(@"the slope is 0.01 at z = ±([0-9.]+)");
        Assert.Equal(0.01, Sigmoid.DerivativeFromOutput(Sigmoid.Value(edge)), 4);
        Assert.Equal(25, run.Number(@"z =\s+4\.585: slope [0-9.]+,\s+([0-9.]+) times"), 1);
        Assert.True(run.Number(@"z = 10\.000: slope [0-9.]+,\s+([0-9.]+) times") > 1000);

        // Exercise 3: the chart spans −250 … 250; σ is exactly 1 from z = 37; the clip changes only values below 1e-108.
        var wide = run.Charts[0];
        Assert.Equal(-250, ExecutedNotebook.Numbers(wide[0], "x")[0]);
        Assert.Equal(250, ExecutedNotebook.Numbers(wide[0], "x")[^1]);
        Assert.Equal(1.0, Sigmoid.Value(37));
        Assert.True(Sigmoid.Value(36) < 1);
        Assert.Contains("z =  -300: clipped σ = 2.6691902155412764E-109, unclipped 1/(1 + e^−z) = 5.148200222412014E-131", run.Output, StringComparison.Ordinal);
        Assert.Contains("z =  -800: clipped σ = 2.6691902155412764E-109, unclipped 1/(1 + e^−z) = 0\n", run.Output, StringComparison.Ordinal);
        // 1 + e^−37 rounds to exactly 1 (e^−37 is below half the gap to the next double); e^z overflows between 709 and 710.
        Assert.Contains("1 + e^−37 == 1: True\n", run.Output, StringComparison.Ordinal);
        Assert.True(run.Number(@"e\^−37 = ([0-9.e+-]+);") < run.Number(@"the next double above 1 is 1 \+ ([0-9.e+-]+);") / 2);
        Assert.Matches(@"e\^709 = 8\.2e\+307, e\^710 = (Infinity|∞)\n", run.Output);

        // Exercise 4: tanh's slope at 0 is four times the sigmoid's; tanh(z) = 2σ(2z) − 1 up to rounding.
        Assert.Equal(["tanh", "tanh′ (its slope)"], run.Charts[1].Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("at z = 0: tanh 0, slope 1; sigmoid 0.5, slope 0.25", run.Output, StringComparison.Ordinal);
        Assert.True(run.Number(@"for z from −6 to 6: ([0-9.e+-]+)") < 1e-15);
    }
}
