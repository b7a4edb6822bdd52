using System.Runtime.InteropServices;

namespace NeuralNotebooks;

/// <summary>
/// An array of doubles (zeros to begin with) whose first entry starts a 64-byte cache line, so that 8 entries from a
/// multiple of 8, one 512-bit load or store, lie in one line instead of two. A .NET array's entries start 16 bytes
/// into a line.
/// </summary>
/// <remarks>
/// The fast engine keeps its weights, their gradients, A and ∂E/∂Z, and the optimisers their state, in these. On the
/// 2-core AMD EPYC the first layer's gradient product ran at 95 GFLOP/s on ordinary arrays and 103 on aligned ones in
/// a one-thread micro-benchmark, and a Fashion-MNIST epoch (784-128-10, Adam, batches of 64) was faster in 25 of 29
/// alternating runs, by 5–8 %. The array lives on the pinned object heap, where the collector never moves it off
/// the line.
/// </remarks>
internal sealed class AlignedDoubles
{
    private const int Line = 64;

    private readonly double[] _array;
    private readonly int _offset;

    public AlignedDoubles(int length)
    {
        _array = GC.AllocateArray<double>(length + Line / sizeof(double) - 1, pinned: true);
        _offset = (int)((Line - Address(0) % Line) % Line) / sizeof(double);
        Length = length;
    }

    public int Length { get; }

    /// <summary>Where the first entry lies in memory: a multiple of 64.</summary>
    public long FirstAddress => Address(_offset);

    public Span<double> AsSpan() => _array.AsSpan(_offset, Length);

    public Span<double> AsSpan(int start) => AsSpan()[start..];

    public Span<double> AsSpan(int start, int length) => AsSpan().Slice(start, length);

    public Span<double> AsSpan(Range range) => AsSpan()[range];

    public static implicit operator Span<double>(AlignedDoubles doubles) => doubles.AsSpan();

    public static implicit operator ReadOnlySpan<double>(AlignedDoubles doubles) => doubles.AsSpan();

    private long Address(int index) => (long)Marshal.UnsafeAddrOfPinnedArrayElement(_array, index);
}
