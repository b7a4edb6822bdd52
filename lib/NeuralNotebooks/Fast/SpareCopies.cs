using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Fast;

/// <summary>
/// The memory of a finished training's row-after-row copy of a large data matrix, kept for as long as that matrix lives,
/// so that training on it again (a new rate, a new width) copies it into the same memory instead of fresh memory.
/// </summary>
/// <remarks>
/// Fresh memory costs the operating system a page fault per 4 KB the first time it is written: about 0.8 s for
/// Fashion-MNIST's 376 MB on a 2-core virtual machine, twice an epoch of training. Only the memory is reused; every
/// training copies the matrix again, so changes made to it between trainings count.
/// </remarks>
internal static class SpareCopies
{
    /// <summary>Matrices with fewer entries than this are cheap to copy into fresh memory, and nothing is kept for them.</summary>
    public const long Smallest = 1 << 16;

    private static readonly ConditionalWeakTable<Matrix<double>, double[]> Kept = [];

    /// <summary>The memory kept for <paramref name="matrix"/> (the length of its entries), no longer kept so two trainings never share it; or null.</summary>
    public static double[]? Take(Matrix<double> matrix) => Kept.TryGetValue(matrix, out var copy) && Kept.Remove(matrix) ? copy : null;

    /// <summary>Keeps <paramref name="copy"/> for the next training on <paramref name="matrix"/>, if the matrix is large.</summary>
    public static void Keep(Matrix<double> matrix, double[] copy)
    {
        if ((long)matrix.RowCount * matrix.ColumnCount >= Smallest)
        {
            Kept.AddOrUpdate(matrix, copy);
        }
    }
}
