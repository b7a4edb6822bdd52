namespace NeuralNotebooks.Tests;

public class AlignedDoublesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(100_352)]   // the first layer's weights of 784-128-10
    public void Its_entries_start_a_cache_line_hold_zeros_and_are_as_many_as_asked(int length)
    {
        var doubles = new AlignedDoubles(length);

        Assert.Equal(0, doubles.FirstAddress % 64);
        Assert.Equal(length, doubles.Length);
        Assert.Equal(length, doubles.AsSpan().Length);
        Assert.All(doubles.AsSpan().ToArray(), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Its_spans_are_views_of_the_same_entries()
    {
        var doubles = new AlignedDoubles(10);
        for (var i = 0; i < 10; i++)
        {
            doubles.AsSpan()[i] = i;
        }

        Assert.Equal([3.0, 4.0, 5.0], doubles.AsSpan(3, 3).ToArray());
        Assert.Equal([8.0, 9.0], doubles.AsSpan(8).ToArray());
        Assert.Equal([1.0, 2.0], doubles.AsSpan(1..3).ToArray());
        ReadOnlySpan<double> all = doubles;
        Assert.Equal(45.0, all.ToArray().Sum());
    }

    [Fact]
    public void A_compacting_collection_leaves_it_where_it_was()
    {
        // Garbage first, so that a collection that compacts would slide an ordinary large array down into its place.
        var garbage = Enumerable.Range(0, 100).Select(_ => new double[20_000]).ToList();
        var doubles = new AlignedDoubles(50_000);
        var before = doubles.FirstAddress;
        garbage.Clear();

        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Assert.Equal(before, doubles.FirstAddress);
        Assert.Equal(0, doubles.FirstAddress % 64);
    }
}
