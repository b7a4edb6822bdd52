using NeuralNotebooks.Fast;

namespace NeuralNotebooks.Tests.Fast;

/// <summary>The fast engine's panel layout: W(p, j) at 16 ⌊j / 16⌋ · inputs + p · (the panel's width) + j mod 16.</summary>
public class PanelsTests
{
    [Theory]
    [InlineData(5, 16)]
    [InlineData(13, 37)]    // panels of 16, 16 and 5
    [InlineData(784, 10)]   // one narrow panel
    [InlineData(9, 128)]
    public void Weights_go_into_panels_and_come_back_in_place(int inputs, int neurons)
    {
        // Wᵀ row after row, as MathNet stores W: W(p, j) = transposed[j · inputs + p].
        var transposed = Enumerable.Range(0, inputs * neurons).Select(k => k + 0.5).ToArray();
        var panels = new double[inputs * neurons];
        var back = new double[inputs * neurons];

        Panels.FromTransposed(transposed, panels, inputs, neurons);
        Panels.ToTransposed(panels, back, inputs, neurons, 0, inputs);

        for (var p = 0; p < inputs; p++)
        {
            for (var j = 0; j < neurons; j++)
            {
                var width = Math.Min(16, neurons - j / 16 * 16);
                Assert.Equal(transposed[j * inputs + p], panels[j / 16 * 16 * inputs + p * width + j % 16]);
            }
        }
        Assert.Equal(transposed, back);
    }

    [Fact]
    public void Some_rows_of_the_panels_write_only_theirs()
    {
        var (inputs, neurons, rowStart, rowEnd) = (21, 40, 3, 17);
        var panels = Enumerable.Range(0, inputs * neurons).Select(k => k + 0.5).ToArray();
        var all = new double[inputs * neurons];
        var some = Enumerable.Repeat(-1.0, inputs * neurons).ToArray();

        Panels.ToTransposed(panels, all, inputs, neurons, 0, inputs);
        Panels.ToTransposed(panels, some, inputs, neurons, rowStart, rowEnd);

        for (var p = 0; p < inputs; p++)
        {
            for (var j = 0; j < neurons; j++)
            {
                Assert.Equal(p >= rowStart && p < rowEnd ? all[j * inputs + p] : -1.0, some[j * inputs + p]);
            }
        }
    }
}
