using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuralNotebooks.Training;

/// <summary>How a batch's summed gradient G becomes the gradient g the optimiser steps on: g = G · Scale + L2 · w.</summary>
/// <param name="Scale">1 for the summed gradient (the blog's), 1 / rows for the mean.</param>
/// <param name="L2">λ for weights, 0 for biases (which L2 leaves alone).</param>
internal readonly record struct GradientScaling(double Scale, double L2);

/// <summary>
/// One optimiser's per-weight update, on a vector of weights at a time. The formulas are written once here and used by
/// every training engine and by <see cref="Network.SimpleNeuralNetwork.ApplyGradients"/>.
/// </summary>
internal interface IUpdateRule
{
    /// <summary>How many numbers of state the rule keeps per weight: 0, 1 or 2.</summary>
    static abstract int States { get; }

    /// <summary>The new weights from the weights <paramref name="w"/> and their gradient <paramref name="g"/>, updating the state.</summary>
    TLanes Next<TLanes>(TLanes w, TLanes g, ref TLanes first, ref TLanes second)
        where TLanes : struct, ILanes<TLanes>;
}

/// <summary>Plain gradient descent: w − g · η.</summary>
internal readonly struct SgdRule(double learningRate) : IUpdateRule
{
    public static int States => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Next<TLanes>(TLanes w, TLanes g, ref TLanes first, ref TLanes second)
        where TLanes : struct, ILanes<TLanes> =>
        w - g * TLanes.Of(learningRate);
}

/// <summary>Momentum: v ← v · μ − g · η; w + v.</summary>
internal readonly struct MomentumRule(double learningRate, double momentum) : IUpdateRule
{
    public static int States => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Next<TLanes>(TLanes w, TLanes g, ref TLanes first, ref TLanes second)
        where TLanes : struct, ILanes<TLanes>
    {
        first = first * TLanes.Of(momentum) - g * TLanes.Of(learningRate);
        return w + first;
    }
}

/// <summary>Adam: m ← m · β1 + g · (1 − β1); v ← v · β2 + g² · (1 − β2); w − η_t · m / (√v + ε).</summary>
internal readonly struct AdamRule(double stepSize, double beta1, double beta2) : IUpdateRule
{
    public const double Epsilon = 1e-8;

    private readonly double _oneMinusBeta1 = 1 - beta1;
    private readonly double _oneMinusBeta2 = 1 - beta2;

    public static int States => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Next<TLanes>(TLanes w, TLanes g, ref TLanes first, ref TLanes second)
        where TLanes : struct, ILanes<TLanes>
    {
        first = first * TLanes.Of(beta1) + g * TLanes.Of(_oneMinusBeta1);
        second = second * TLanes.Of(beta2) + g * g * TLanes.Of(_oneMinusBeta2);
        return w - TLanes.Of(stepSize) * first / (TLanes.Sqrt(second) + TLanes.Of(Epsilon));
    }
}

/// <summary>Runs an update rule over arrays of weights, a vector at a time.</summary>
/// <remarks>
/// A rule's state that has fallen below the smallest normal double (2.2 · 10⁻³⁰⁸) is stored as 0. With no gradient,
/// as for a blank pixel's weights, momentum and Adam's mean shrink by β every step and reach that range after about
/// 7,000 steps (7 epochs of Fashion-MNIST); near its bottom 0.9 · x rounds back to x, so they would stay there for
/// good, and the processor works on such subnormal numbers several times slower (Adam's step: 4.4 ns a weight instead
/// of 1.2 when every mean is subnormal). With notebook 11's settings 3,700–5,400 of the 101,770 means were subnormal
/// from epoch 8 on, and those epochs took 0.56–0.68 s instead of 0.48–0.55. Stored as 0 they change no weight: the
/// step they would give is at most η · 2.2 · 10⁻³⁰⁸ / ε, far below half the spacing of doubles near any weight larger
/// than 10⁻²⁸⁰, and the next gradient's share of the mean swamps them just as completely. (Notebook 11's 15 epochs end
/// with the same weights, bit for bit, either way.)
/// </remarks>
internal static class Updates
{
    private static readonly double SmallestNormal = BitConverter.Int64BitsToDouble(0x0010_0000_0000_0000);

    /// <summary>How many weights <see cref="Apply"/> steps at a time: arrays of a multiple of this length have no tail.</summary>
    public static int Width => Vector512.IsHardwareAccelerated ? WideLanes.Count : NativeLanes.Count;

    /// <summary>
    /// <paramref name="next"/> = the rule applied to <paramref name="w"/> and g = G · scale (+ λ · w), entry by entry;
    /// returns the largest |new weight|, or +∞ when a number written (a new weight or the rule's state) is not finite.
    /// </summary>
    public static double Apply<TRule>(in TRule rule, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next,
        Span<double> first, Span<double> second, GradientScaling scaling)
        where TRule : struct, IUpdateRule
    {
        return Vector512.IsHardwareAccelerated
            ? ApplyAtWidth<TRule, WideLanes>(rule, w, gradientSum, next, first, second, scaling)
            : ApplyAtWidth<TRule, NativeLanes>(rule, w, gradientSum, next, first, second, scaling);
    }

    /// <summary><see cref="Apply"/> on vectors of <typeparamref name="TLanes"/>, whichever the processor has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double ApplyAtWidth<TRule, TLanes>(in TRule rule, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next,
        Span<double> first, Span<double> second, GradientScaling scaling)
        where TRule : struct, IUpdateRule
        where TLanes : struct, ILanes<TLanes>
    {
        CheckLengths(w.Length, gradientSum.Length, next.Length, TRule.States >= 1 ? first.Length : w.Length, TRule.States >= 2 ? second.Length : w.Length);
        var width = TLanes.Count;
        var scale = TLanes.Of(scaling.Scale);
        var l2 = TLanes.Of(scaling.L2);
        var smallestNormal = TLanes.Of(SmallestNormal);
        var regularise = scaling.L2 > 0;
        // x − x is 0 for every finite x and NaN for ±∞ and NaN; a sum of them stays 0 only if all were finite.
        var check = TLanes.Of(0);
        var largest = TLanes.Of(0);
        ref var wRef = ref MemoryMarshal.GetReference(w);
        ref var gRef = ref MemoryMarshal.GetReference(gradientSum);
        ref var nextRef = ref MemoryMarshal.GetReference(next);
        ref var firstRef = ref MemoryMarshal.GetReference(first);
        ref var secondRef = ref MemoryMarshal.GetReference(second);
        var i = 0;
        for (; i <= w.Length - width; i += width)
        {
            var at = (nuint)i;
            var weights = TLanes.Load(ref wRef, at);
            var g = TLanes.Load(ref gRef, at) * scale;
            if (regularise)
            {
                g += weights * l2;
            }
            var s1 = TRule.States >= 1 ? TLanes.Load(ref firstRef, at) : default;
            var s2 = TRule.States >= 2 ? TLanes.Load(ref secondRef, at) : default;
            var updated = rule.Next(weights, g, ref s1, ref s2);
            updated.Store(ref nextRef, at);
            check += updated - updated;
            largest = TLanes.Max(largest, TLanes.Abs(updated));
            if (TRule.States >= 1)
            {
                s1 = TLanes.ZeroBelow(s1, smallestNormal);
                s1.Store(ref firstRef, at);
                check += s1 - s1;
            }
            if (TRule.States >= 2)
            {
                s2 = TLanes.ZeroBelow(s2, smallestNormal);
                s2.Store(ref secondRef, at);
                check += s2 - s2;
            }
        }
        var result = TLanes.AllZero(check) ? Largest(largest) : double.PositiveInfinity;
        return i == w.Length ? result : Math.Max(result, Tail<TRule, TLanes>(rule, w[i..], gradientSum[i..], next[i..],
            TRule.States >= 1 ? first[i..] : default, TRule.States >= 2 ? second[i..] : default, scaling));
    }

    private static void CheckLengths(int w, int gradient, int next, int first, int second)
    {
        if (gradient != w || next != w || first != w || second != w)
        {
            throw new ArgumentException($"An update needs spans as long as its {w} weights, but had {gradient}, {next}, {first} and {second}.");
        }
    }

    private static double Largest<TLanes>(TLanes lanes)
        where TLanes : struct, ILanes<TLanes>
    {
        var largest = 0.0;
        for (var lane = 0; lane < TLanes.Count; lane++)
        {
            largest = Math.Max(largest, lanes[lane]);
        }
        return largest;
    }

    // The last few weights, fewer than a vector: padded into a vector on the stack, so the same formula steps them.
    private static double Tail<TRule, TLanes>(in TRule rule, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next,
        Span<double> first, Span<double> second, GradientScaling scaling)
        where TRule : struct, IUpdateRule
        where TLanes : struct, ILanes<TLanes>
    {
        var width = TLanes.Count;
        Span<double> padded = stackalloc double[5 * width];
        padded.Clear();
        var pw = padded[..width];
        var pg = padded[width..(2 * width)];
        var pn = padded[(2 * width)..(3 * width)];
        var p1 = padded[(3 * width)..(4 * width)];
        var p2 = padded[(4 * width)..];
        w.CopyTo(pw);
        gradientSum.CopyTo(pg);
        first.CopyTo(p1);
        second.CopyTo(p2);
        // The padding's weights and gradients are 0 and stay 0, so they change neither the check nor the largest weight.
        var result = ApplyAtWidth<TRule, TLanes>(rule, pw, pg, pn, TRule.States >= 1 ? p1 : default, TRule.States >= 2 ? p2 : default, scaling);
        pn[..w.Length].CopyTo(next);
        p1[..first.Length].CopyTo(first);
        p2[..second.Length].CopyTo(second);
        return result;
    }
}
