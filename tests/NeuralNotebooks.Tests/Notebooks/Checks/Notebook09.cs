using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook09 : NotebookCheck
{
    public override string Notebook => "09-optimizers-and-batches";

    public override void Check(ExecutedNotebook run)
    {
        Assert.Equal(3, run.Charts.Count);
        Assert.Equal(3, run.Charts[0].Count);
        Assert.Equal(3, run.Charts[1].Count);
        var sizes = Regex.Matches(run.Output, @"weight size\s+([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, sizes.Count);
        Assert.True(sizes[1] < sizes[0] / 2, "L2 keeps the weights smaller");
    }
}
