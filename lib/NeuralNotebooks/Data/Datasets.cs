using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Data;

/// <summary>
/// TensorFlow Playground's four two-dimensional data sets, and scikit-learn's moons: two classes of points
/// in about [−1, 1]², drawn from numpy's seeded generator, with Gaussian noise added to every coordinate.
/// </summary>
public static class Datasets
{
    /// <summary>The names <see cref="Generate"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["xor", "circle", "gaussian", "spiral", "moons"];

    /// <summary>The data set of this name (xor, circle, gaussian, spiral, moons).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException">No data set has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="samples"/> is below 4 or more than fit in memory (the message gives the limit), <paramref name="noise"/>
    /// is negative or not finite, or <paramref name="seed"/> is outside numpy's 0 to 2^32 − 1.
    /// </exception>
    public static Dataset Generate(string dataset, int samples = 200, double noise = 0.1, long seed = 0)
    {
        Guard.NotNull(dataset, nameof(dataset));
        return dataset.ToLowerInvariant() switch
        {
            "xor" => Xor(samples, noise, seed),
            "circle" => Circle(samples, noise, seed),
            "gaussian" => Gaussian(samples, noise, seed),
            "spiral" => Spiral(samples, noise, seed),
            "moons" => Moons(samples, noise, seed),
            _ => throw new ArgumentException($"dataset must be one of {string.Join(", ", Names)} or digits, but was '{dataset}'.", nameof(dataset)),
        };
    }

    /// <summary>Points in the four quadrants; class 1 where exactly one coordinate is negative (x1 · x2 &lt; 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 4 or more than fit in memory, <paramref name="noise"/> is negative or not finite, or <paramref name="seed"/> is outside 0 to 2^32 − 1.</exception>
    public static Dataset Xor(int samples = 200, double noise = 0.1, long seed = 0) =>
        Make("xor", samples, noise, seed, (random, _) =>
        {
            // Keep points a little away from the axes, as the playground does, so the classes are clear without noise.
            double Coordinate() { var v = random.Uniform(-1, 1); return v + (v > 0 ? 0.05 : -0.05); }
            var (x1, x2) = (Coordinate(), Coordinate());
            return (x1, x2, x1 * x2 < 0 ? 1 : 0);
        });

    /// <summary>Class 1 inside a circle of radius 0.5, class 0 in a ring from 0.7 to 1 around it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 4 or more than fit in memory, <paramref name="noise"/> is negative or not finite, or <paramref name="seed"/> is outside 0 to 2^32 − 1.</exception>
    public static Dataset Circle(int samples = 200, double noise = 0.1, long seed = 0) =>
        Make("circle", samples, noise, seed, (random, i) =>
        {
            var inside = i % 2 == 0;
            var radius = inside ? random.Uniform(0, 0.5) : random.Uniform(0.7, 1.0);
            var angle = random.Uniform(0, 2 * Math.PI);
            return (radius * Math.Cos(angle), radius * Math.Sin(angle), inside ? 1 : 0);
        });

    /// <summary>Two Gaussian clusters, class 1 around (0.5, 0.5) and class 0 around (−0.5, −0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 4 or more than fit in memory, <paramref name="noise"/> is negative or not finite, or <paramref name="seed"/> is outside 0 to 2^32 − 1.</exception>
    public static Dataset Gaussian(int samples = 200, double noise = 0.1, long seed = 0) =>
        Make("gaussian", samples, noise, seed, (random, i) =>
        {
            var label = i % 2 == 0 ? 1 : 0;
            var centre = label == 1 ? 0.5 : -0.5;
            return (centre + 0.2 * random.StandardNormal(), centre + 0.2 * random.StandardNormal(), label);
        });

    /// <summary>Two interleaved spirals, one per class.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 4 or more than fit in memory, <paramref name="noise"/> is negative or not finite, or <paramref name="seed"/> is outside 0 to 2^32 − 1.</exception>
    public static Dataset Spiral(int samples = 200, double noise = 0.1, long seed = 0) =>
        Make("spiral", samples, noise, seed, (_, i) =>
        {
            var label = i % 2;
            var t = (double)(i / 2) / Math.Max(1, samples / 2);
            var (radius, angle) = (0.05 + 0.9 * t, 1.75 * 2 * Math.PI * t + label * Math.PI);
            return (radius * Math.Sin(angle), radius * Math.Cos(angle), label);
        });

    /// <summary>Two interleaving half circles ("moons"), as scikit-learn's make_moons, scaled into about [−1, 1]².</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 4 or more than fit in memory, <paramref name="noise"/> is negative or not finite, or <paramref name="seed"/> is outside 0 to 2^32 − 1.</exception>
    public static Dataset Moons(int samples = 200, double noise = 0.1, long seed = 0) =>
        Make("moons", samples, noise, seed, (random, i) =>
        {
            var label = i % 2;
            var t = random.Uniform(0, Math.PI);
            var (x1, x2) = label == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
            return ((x1 - 0.5) / 1.5, (x2 - 0.25) / 1.5, label);
        });

    private static Dataset Make(string name, int samples, double noise, long seed, Func<NumpyRandom, int, (double X1, double X2, int Label)> point)
    {
        // X holds two coordinates a point and y one target.
        MemoryLimit.CheckRows(samples, 4, nameof(samples), "points", 2, 1);
        if (!(noise >= 0) || !double.IsFinite(noise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise must be a finite number of at least 0, but was {Guard.Format(noise)}.");
        }
        var random = new NumpyRandom(seed);
        var X = Matrix<double>.Build.Dense(samples, 2);
        var y = Matrix<double>.Build.Dense(samples, 1);
        for (var i = 0; i < samples; i++)
        {
            var (x1, x2, label) = point(random, i);
            X[i, 0] = x1 + noise * random.StandardNormal();
            X[i, 1] = x2 + noise * random.StandardNormal();
            y[i, 0] = label;
        }
        return new Dataset(name, X, y);
    }
}
