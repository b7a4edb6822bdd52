namespace NeuralNotebooks.Tests;

public class NumpySumTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(129)]
    [InlineData(1000)]
    public void Whole_numbers_sum_exactly_whatever_the_order(int n)
    {
        var values = Enumerable.Range(1, n).Select(i => (double)i).ToArray();

        Assert.Equal(n * (n + 1) / 2.0, NumpySum.Pairwise(values));
    }

    [Fact]
    public void Fewer_than_eight_numbers_are_added_first_to_last_as_numpy_does()
    {
        double[] values = [1e16, 1, 1, -1e16];

        Assert.Equal(((1e16 + 1) + 1) - 1e16, NumpySum.Pairwise(values));
    }

    [Fact]
    public void Eight_to_128_numbers_use_eight_running_sums_as_numpy_does()
    {
        // Lane 0 collects 1e16 and the 1s at 8 and 16; with eight lanes the small numbers in other lanes survive.
        var values = new double[24];
        values[0] = 1e16;
        values[8] = -1e16;
        for (var i = 1; i < 8; i++)
        {
            values[i] = 1;
        }

        Assert.Equal(7.0, NumpySum.Pairwise(values));
    }
}
