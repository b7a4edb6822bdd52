using System.Numerics;
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
    Vector<double> Next(Vector<double> w, Vector<double> g, ref Vector<double> first, ref Vector<double> second);
}

/// <summary>Plain gradient descent: w − g · η.</summary>
internal readonly struct SgdRule(double learningRate) : IUpdateRule
{
    private readonly Vector<double> _rate = new(learningRate);

    public static int States => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Next(Vector<double> w, Vector<double> g, ref Vector<double> first, ref Vector<double> second) => w - g * _rate;
}

/// <summary>Momentum: v ← v · μ − g · η; w + v.</summary>
internal readonly struct MomentumRule(double learningRate, double momentum) : IUpdateRule
{
    private readonly Vector<double> _rate = new(learningRate);
    private readonly Vector<double> _momentum = new(momentum);

    public static int States => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Next(Vector<double> w, Vector<double> g, ref Vector<double> first, ref Vector<double> second)
    {
        first = first * _momentum - g * _rate;
        return w + first;
    }
}

/// <summary>Adam: m ← m · β1 + g · (1 − β1); v ← v · β2 + g² · (1 − β2); w − η_t · m / (√v + ε).</summary>
internal readonly struct AdamRule(double stepSize, double beta1, double beta2) : IUpdateRule
{
    public const double Epsilon = 1e-8;

    private readonly Vector<double> _stepSize = new(stepSize);
    private readonly Vector<double> _beta1 = new(beta1);
    private readonly Vector<double> _beta2 = new(beta2);
    private readonly Vector<double> _oneMinusBeta1 = new(1 - beta1);
    private readonly Vector<double> _oneMinusBeta2 = new(1 - beta2);

    public static int States => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Next(Vector<double> w, Vector<double> g, ref Vector<double> first, ref Vector<double> second)
    {
        first = first * _beta1 + g * _oneMinusBeta1;
        second = second * _beta2 + g * g * _oneMinusBeta2;
        return w - _stepSize * first / (Vector.SquareRoot(second) + new Vector<double>(Epsilon));
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
    private static readonly Vector<double> SmallestNormal = new(BitConverter.Int64BitsToDouble(0x0010_0000_0000_0000));

    /// <summary>
    /// <paramref name="next"/> = the rule applied to <paramref name="w"/> and g = G · scale (+ λ · w), entry by entry;
    /// returns the largest |new weight|, or +∞ when a number written (a new weight or the rule's state) is not finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Apply<TRule>(in TRule rule, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next,
        Span<double> first, Span<double> second, GradientScaling scaling)
        where TRule : struct, IUpdateRule
    {
        var width = Vector<double>.Count;
        var scale = new Vector<double>(scaling.Scale);
        var l2 = new Vector<double>(scaling.L2);
        var regularise = scaling.L2 > 0;
        // x − x is 0 for every finite x and NaN for ±∞ and NaN; a sum of them stays 0 only if all were finite.
        var check = Vector<double>.Zero;
        var largest = Vector<double>.Zero;
        ref var wRef = ref MemoryMarshal.GetReference(w);
        ref var gRef = ref MemoryMarshal.GetReference(gradientSum);
        ref var nextRef = ref MemoryMarshal.GetReference(next);
        ref var firstRef = ref MemoryMarshal.GetReference(first);
        ref var secondRef = ref MemoryMarshal.GetReference(second);
        CheckLengths(w.Length, gradientSum.Length, next.Length, TRule.States >= 1 ? first.Length : w.Length, TRule.States >= 2 ? second.Length : w.Length);
        var i = 0;
        for (; i <= w.Length - width; i += width)
        {
            var at = (nuint)i;
            var weights = Vector.LoadUnsafe(ref wRef, at);
            var g = Vector.LoadUnsafe(ref gRef, at) * scale;
            if (regularise)
            {
                g += weights * l2;
            }
            var s1 = TRule.States >= 1 ? Vector.LoadUnsafe(ref firstRef, at) : default;
            var s2 = TRule.States >= 2 ? Vector.LoadUnsafe(ref secondRef, at) : default;
            var updated = rule.Next(weights, g, ref s1, ref s2);
            updated.StoreUnsafe(ref nextRef, at);
            check += updated - updated;
            largest = Vector.Max(largest, Vector.Abs(updated));
            if (TRule.States >= 1)
            {
                s1 = WithoutSubnormals(s1);
                s1.StoreUnsafe(ref firstRef, at);
                check += s1 - s1;
            }
            if (TRule.States >= 2)
            {
                s2 = WithoutSubnormals(s2);
                s2.StoreUnsafe(ref secondRef, at);
                check += s2 - s2;
            }
        }
        var result = Vector.EqualsAll(check, Vector<double>.Zero) ? Largest(largest) : double.PositiveInfinity;
        return i == w.Length ? result : Math.Max(result, Tail(rule, w[i..], gradientSum[i..], next[i..],
            TRule.States >= 1 ? first[i..] : default, TRule.States >= 2 ? second[i..] : default, scaling));
    }

    /// <summary>x, with its subnormal entries (0 &lt; |x| &lt; 2.2 · 10⁻³⁰⁸) as 0; NaN and ±∞ stay as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> WithoutSubnormals(Vector<double> x) =>
        Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), SmallestNormal), Vector<double>.Zero, x);

    private static void CheckLengths(int w, int gradient, int next, int first, int second)
    {
        if (gradient != w || next != w || first != w || second != w)
        {
            throw new ArgumentException($"An update needs spans as long as its {w} weights, but had {gradient}, {next}, {first} and {second}.");
        }
    }

    private static double Largest(Vector<double> lanes)
    {
        var largest = 0.0;
        for (var lane = 0; lane < Vector<double>.Count; lane++)
        {
            largest = Math.Max(largest, lanes[lane]);
        }
        return largest;
    }

    // The last few weights, fewer than a vector: padded into a vector on the stack, so the same formula steps them.
    private static double Tail<TRule>(in TRule rule, ReadOnlySpan<double> w, ReadOnlySpan<double> gradientSum, Span<double> next,
        Span<double> first, Span<double> second, GradientScaling scaling)
        where TRule : struct, IUpdateRule
    {
        var width = Vector<double>.Count;
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
        var result = Apply(rule, pw, pg, pn, TRule.States >= 1 ? p1 : default, TRule.States >= 2 ? p2 : default, scaling);
        pn[..w.Length].CopyTo(next);
        p1[..first.Length].CopyTo(first);
        p2[..second.Length].CopyTo(second);
        return result;
    }
}
