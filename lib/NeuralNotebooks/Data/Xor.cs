using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Data;

/// <summary>The blog's XOR data: four inputs, their targets, and its four "slightly different" test inputs.</summary>
/// <remarks>Each property returns a new matrix, so changing one in a notebook leaves the next call's intact.</remarks>
public static class Xor
{
    /// <summary>X: the four corners of the unit square, one per row (4 × 2).</summary>
    public static Matrix<double> Inputs => Matrix<double>.Build.DenseOfRowArrays([0, 0], [0, 1], [1, 0], [1, 1]);

    /// <summary>y: x1 XOR x2 for each row of <see cref="Inputs"/> (4 × 1).</summary>
    public static Matrix<double> Targets => Matrix<double>.Build.DenseOfRowArrays([0], [1], [1], [0]);

    /// <summary>The blog's noisy test inputs: [0.1, 0.9], [0.8, 0.2], [0.9, 0.9], [0.1, 0.1] (4 × 2).</summary>
    public static Matrix<double> NoisyInputs => Matrix<double>.Build.DenseOfRowArrays([0.1, 0.9], [0.8, 0.2], [0.9, 0.9], [0.1, 0.1]);

    /// <summary>The answer XOR should give near (x1, x2): 1 when exactly one of them is above 0.5, else 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x1 or x2 is NaN or infinite: it is near no corner.</exception>
    public static int Expected(double x1, double x2)
    {
        Guard.Finite(x1, nameof(x1));
        Guard.Finite(x2, nameof(x2));
        return (x1 > 0.5) != (x2 > 0.5) ? 1 : 0;
    }
}
