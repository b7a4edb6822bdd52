using System.Globalization;
using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Tests.Charts;

public class PaletteTests
{
    [Fact]
    public void Up_to_ten_unordered_runs_get_ten_different_colours_and_more_get_one_each_too()
    {
        Assert.Equal(10, Palette.Distinct(10).Distinct().Count());
        Assert.Equal(14, Palette.Distinct(14).Distinct().Count());
    }

    [Fact]
    public void Forty_one_ordered_runs_get_forty_one_colours_each_lighter_than_the_one_before()
    {
        var colors = Palette.Sequential(41);

        Assert.Equal(41, colors.Distinct().Count());
        var lightness = colors.Select(Luminance).ToArray();
        Assert.All(Enumerable.Range(1, 40), i => Assert.True(lightness[i] > lightness[i - 1], $"{colors[i - 1]} → {colors[i]}"));
    }

    /// <summary>Relative luminance (ITU-R BT.709 weights on the sRGB channels), enough to order colours by lightness.</summary>
    private static double Luminance(string hex)
    {
        double Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
