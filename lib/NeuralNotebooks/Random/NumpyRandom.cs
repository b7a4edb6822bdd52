using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Random;

/// <summary>
/// numpy's legacy random generator (<c>np.random.seed</c>, <c>random_sample</c>, <c>uniform</c>),
/// reproduced bit for bit, so a C# network starts from exactly the weights the blog's Python gets.
/// </summary>
/// <remarks>
/// numpy's <c>RandomState</c> is the Mersenne Twister MT19937 seeded with the reference
/// <c>init_genrand(seed)</c>. A double takes two 32-bit words <c>a</c> and <c>b</c>:
/// <c>((a &gt;&gt; 5) · 2^26 + (b &gt;&gt; 6)) / 2^53</c>, a multiple of 2^-53 in [0, 1).
/// <c>uniform(low, high)</c> is <c>low + (high − low) · random_sample()</c>.
/// </remarks>
public sealed class NumpyRandom
{
    private const int StateSize = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[StateSize];
    private int _next;
    private double? _cachedGaussian;

    /// <summary>Seeds the generator as <c>np.random.seed(seed)</c> does.</summary>
    /// <param name="seed">The seed, from 0 to 2^32 − 1 (numpy's range).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative or above 2^32 − 1.</exception>
    public NumpyRandom(long seed)
    {
        Guard.InRange(seed, 0, uint.MaxValue, nameof(seed));
        _state[0] = (uint)seed;
        for (var i = 1; i < StateSize; i++)
        {
            var previous = _state[i - 1];
            _state[i] = unchecked(1812433253u * (previous ^ (previous >> 30)) + (uint)i);
        }
        _next = StateSize;
    }

    /// <summary>The next raw 32-bit output of MT19937 (numpy's <c>randint(0, 2**32, dtype=uint32)</c>).</summary>
    public uint NextUInt32()
    {
        if (_next >= StateSize)
        {
            Regenerate();
        }
        var y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A double in [0, 1) with 53 random bits, as <c>np.random.random_sample()</c>.</summary>
    public double RandomSample()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>
    /// A draw from the standard normal distribution, as <c>np.random.standard_normal()</c>: numpy's legacy polar
    /// method, which makes two at a time and keeps the second for the next call.
    /// </summary>
    public double StandardNormal()
    {
        if (_cachedGaussian is { } cached)
        {
            _cachedGaussian = null;
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * RandomSample() - 1.0;
            x2 = 2.0 * RandomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        var f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _cachedGaussian = f * x1;
        return f * x2;
    }

    /// <summary>One draw from [low, high), as <c>np.random.uniform(low, high)</c>.</summary>
    public double Uniform(double low, double high) => low + (high - low) * RandomSample();

    /// <summary>
    /// A <paramref name="rows"/> × <paramref name="columns"/> matrix of draws from [low, high), filled
    /// row by row as <c>np.random.uniform(low, high, (rows, columns))</c> fills it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is below 1.</exception>
    public Matrix<double> Uniform(double low, double high, int rows, int columns)
    {
        Guard.AtLeast(rows, 1, nameof(rows));
        Guard.AtLeast(columns, 1, nameof(columns));
        var values = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[i, j] = Uniform(low, high);
            }
        }
        return Matrix<double>.Build.DenseOfArray(values);
    }

    private void Regenerate()
    {
        for (var i = 0; i < StateSize; i++)
        {
            var y = (_state[i] & UpperMask) | (_state[(i + 1) % StateSize] & LowerMask);
            var next = _state[(i + ShiftSize) % StateSize] ^ (y >> 1);
            _state[i] = (y & 1) == 0 ? next : next ^ MatrixA;
        }
        _next = 0;
    }
}
