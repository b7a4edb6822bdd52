namespace NeuralNotebooks.Tests;

/// <summary>The one pass that checks data for NaN and ±∞ and finds its largest entry in size.</summary>
public class FiniteTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(37)]   // whole vectors and a few left over
    public void The_largest_entry_in_size_is_found_wherever_it_is(int length)
    {
        for (var at = 0; at < length; at++)
        {
            var values = Enumerable.Range(0, length).Select(i => (i % 3 - 1) * 0.25).ToArray();
            values[at] = -7.5;

            Assert.Equal(7.5, Finite.LargestMagnitude(values));
            Assert.True(Finite.All(values));
        }
        Assert.Equal(0.0, Finite.LargestMagnitude(new double[length]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void One_entry_that_is_not_finite_anywhere_gives_NaN(double bad)
    {
        for (var at = 0; at < 37; at++)
        {
            var values = Enumerable.Range(0, 37).Select(i => i * 0.5).ToArray();
            values[at] = bad;

            Assert.True(double.IsNaN(Finite.LargestMagnitude(values)), $"{bad} at {at} was not noticed");
            Assert.False(Finite.All(values));
        }
    }
}
