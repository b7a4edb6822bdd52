using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralNotebooks.Training;

/// <summary>
/// A vector of doubles with the arithmetic the update rules use, so that each rule's formula is written once and runs
/// at the widest width the processor computes in hardware (<see cref="Updates"/> chooses).
/// </summary>
/// <remarks>
/// Every operation works lane by lane with IEEE rounding, so a rule gives the same numbers at every width.
/// </remarks>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    static abstract int Count { get; }

    static abstract TSelf Of(double value);

    static abstract TSelf Load(ref double source, nuint at);

    void Store(ref double target, nuint at);

    static abstract TSelf operator +(TSelf x, TSelf y);

    static abstract TSelf operator -(TSelf x, TSelf y);

    static abstract TSelf operator *(TSelf x, TSelf y);

    static abstract TSelf operator /(TSelf x, TSelf y);

    static abstract TSelf Sqrt(TSelf x);

    static abstract TSelf Abs(TSelf x);

    static abstract TSelf Max(TSelf x, TSelf y);

    /// <summary>x, with the lanes whose |x| is below <paramref name="threshold"/> as 0 (NaN stays NaN).</summary>
    static abstract TSelf ZeroBelow(TSelf x, TSelf threshold);

    static abstract bool AllZero(TSelf x);

    double this[int lane] { get; }
}

/// <summary><see cref="Vector{T}"/>: the width .NET picks for this processor (256 bits with AVX2, 128 on ARM64).</summary>
internal readonly struct NativeLanes(Vector<double> value) : ILanes<NativeLanes>
{
    private readonly Vector<double> _value = value;

    public static int Count => Vector<double>.Count;

    public double this[int lane] => _value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NativeLanes Of(double value) => new(new Vector<double>(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NativeLanes Load(ref double source, nuint at) => new(Vector.LoadUnsafe(ref source, at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref double target, nuint at) => _value.StoreUnsafe(ref target, at);

    public static NativeLanes operator +(NativeLanes x, NativeLanes y) => new(x._value + y._value);

    public static NativeLanes operator -(NativeLanes x, NativeLanes y) => new(x._value - y._value);

    public static NativeLanes operator *(NativeLanes x, NativeLanes y) => new(x._value * y._value);

    public static NativeLanes operator /(NativeLanes x, NativeLanes y) => new(x._value / y._value);

    public static NativeLanes Sqrt(NativeLanes x) => new(Vector.SquareRoot(x._value));

    public static NativeLanes Abs(NativeLanes x) => new(Vector.Abs(x._value));

    public static NativeLanes Max(NativeLanes x, NativeLanes y) => new(Vector.Max(x._value, y._value));

    public static NativeLanes ZeroBelow(NativeLanes x, NativeLanes threshold) =>
        new(Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x._value), threshold._value), Vector<double>.Zero, x._value));

    public static bool AllZero(NativeLanes x) => Vector.EqualsAll(x._value, Vector<double>.Zero);
}

/// <summary>
/// <see cref="Vector512{T}"/>, used where AVX-512 computes it in hardware: Adam's square root and division, which bound
/// its step, then take 8 weights at a time instead of 4 (on the 2-core AMD EPYC, 0.53 instead of 1.0 ns a weight in the
/// core's fastest cache).
/// </summary>
internal readonly struct WideLanes(Vector512<double> value) : ILanes<WideLanes>
{
    private readonly Vector512<double> _value = value;

    public static int Count => Vector512<double>.Count;

    public double this[int lane] => _value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WideLanes Of(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WideLanes Load(ref double source, nuint at) => new(Vector512.LoadUnsafe(ref source, at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref double target, nuint at) => _value.StoreUnsafe(ref target, at);

    public static WideLanes operator +(WideLanes x, WideLanes y) => new(x._value + y._value);

    public static WideLanes operator -(WideLanes x, WideLanes y) => new(x._value - y._value);

    public static WideLanes operator *(WideLanes x, WideLanes y) => new(x._value * y._value);

    public static WideLanes operator /(WideLanes x, WideLanes y) => new(x._value / y._value);

    public static WideLanes Sqrt(WideLanes x) => new(Vector512.Sqrt(x._value));

    public static WideLanes Abs(WideLanes x) => new(Vector512.Abs(x._value));

    public static WideLanes Max(WideLanes x, WideLanes y) => new(Vector512.Max(x._value, y._value));

    public static WideLanes ZeroBelow(WideLanes x, WideLanes threshold) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x._value), threshold._value), Vector512<double>.Zero, x._value));

    public static bool AllZero(WideLanes x) => Vector512.EqualsAll(x._value, Vector512<double>.Zero);
}
