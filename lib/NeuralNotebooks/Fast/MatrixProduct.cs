using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralNotebooks.Fast;

/// <summary>
/// C = A · B for row-major double matrices, computed one block of rows at a time: a register-blocked kernel
/// (6 rows × 16 columns of C held in AVX-512 registers while k runs) over a packed copy of 16 columns of B.
/// </summary>
internal static class MatrixProduct
{
    private const int RowBlock = 6;
    private const int ColumnBlock = 16;

    /// <summary>The packing buffer one caller needs: room for k × 16 numbers.</summary>
    public static int PackSize(int k) => k * ColumnBlock;

    /// <summary>
    /// Rows [rowStart, rowEnd) of C (m × n) = A (m × k) · B (k × n); <paramref name="pack"/> is the caller's
    /// scratch of at least <see cref="PackSize"/>(k) numbers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int k, int n, int rowStart, int rowEnd, Span<double> pack)
    {
        var fullColumns = Vector512.IsHardwareAccelerated ? n - n % ColumnBlock : 0;
        if (fullColumns < n)
        {
            // Done first: it uses the packing buffer for the columns the 16-wide kernel leaves over.
            Remainder(a, b, c, k, n, rowStart, rowEnd, fullColumns, pack);
        }
        for (var j0 = 0; j0 < fullColumns; j0 += ColumnBlock)
        {
            for (var p = 0; p < k; p++)
            {
                b.Slice(p * n + j0, ColumnBlock).CopyTo(pack.Slice(p * ColumnBlock, ColumnBlock));
            }
            var i = rowStart;
            for (; i + RowBlock <= rowEnd; i += RowBlock)
            {
                Block6x16(a, pack, c, k, n, i, j0);
            }
            for (; i < rowEnd; i++)
            {
                Row1x16(a, pack, c, k, n, i, j0);
            }
        }
    }

    private static void Block6x16(ReadOnlySpan<double> a, ReadOnlySpan<double> pack, Span<double> c, int k, int n, int i, int j0)
    {
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var bRef = ref MemoryMarshal.GetReference(pack);
        ref var a0 = ref Unsafe.Add(ref aRef, i * k);
        ref var a1 = ref Unsafe.Add(ref a0, k);
        ref var a2 = ref Unsafe.Add(ref a1, k);
        ref var a3 = ref Unsafe.Add(ref a2, k);
        ref var a4 = ref Unsafe.Add(ref a3, k);
        ref var a5 = ref Unsafe.Add(ref a4, k);
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref bRef, (nuint)(p * ColumnBlock));
            var b1 = Vector512.LoadUnsafe(ref bRef, (nuint)(p * ColumnBlock + 8));
            var x = Vector512.Create(Unsafe.Add(ref a0, p));
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(Unsafe.Add(ref a1, p));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(Unsafe.Add(ref a2, p));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(Unsafe.Add(ref a3, p));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(Unsafe.Add(ref a4, p));
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(Unsafe.Add(ref a5, p));
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
        }
        ref var cRef = ref MemoryMarshal.GetReference(c);
        var at = (nuint)(i * n + j0);
        var row = (nuint)n;
        c00.StoreUnsafe(ref cRef, at); c01.StoreUnsafe(ref cRef, at + 8);
        c10.StoreUnsafe(ref cRef, at + row); c11.StoreUnsafe(ref cRef, at + row + 8);
        c20.StoreUnsafe(ref cRef, at + 2 * row); c21.StoreUnsafe(ref cRef, at + 2 * row + 8);
        c30.StoreUnsafe(ref cRef, at + 3 * row); c31.StoreUnsafe(ref cRef, at + 3 * row + 8);
        c40.StoreUnsafe(ref cRef, at + 4 * row); c41.StoreUnsafe(ref cRef, at + 4 * row + 8);
        c50.StoreUnsafe(ref cRef, at + 5 * row); c51.StoreUnsafe(ref cRef, at + 5 * row + 8);
    }

    private static void Row1x16(ReadOnlySpan<double> a, ReadOnlySpan<double> pack, Span<double> c, int k, int n, int i, int j0)
    {
        ref var bRef = ref MemoryMarshal.GetReference(pack);
        Vector512<double> c0 = default, c1 = default;
        for (var p = 0; p < k; p++)
        {
            var x = Vector512.Create(a[i * k + p]);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bRef, (nuint)(p * ColumnBlock)), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bRef, (nuint)(p * ColumnBlock + 8)), c1);
        }
        c0.CopyTo(c.Slice(i * n + j0, 8));
        c1.CopyTo(c.Slice(i * n + j0 + 8, 8));
    }

    /// <summary>
    /// The columns the 16-wide kernel does not cover (all of them without AVX-512): each is a dot product of a row
    /// of A with a column of B, the columns first copied side by side into <paramref name="pack"/> so both are contiguous.
    /// </summary>
    private static void Remainder(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int k, int n, int rowStart, int rowEnd, int fromColumn, Span<double> pack)
    {
        var width = n - fromColumn;
        if (width > ColumnBlock)
        {
            // No AVX-512: plain loops, one row of C at a time.
            for (var i = rowStart; i < rowEnd; i++)
            {
                var row = c.Slice(i * n + fromColumn, width);
                row.Clear();
                for (var p = 0; p < k; p++)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Slice(p * n + fromColumn, width), a[i * k + p], row, row);
                }
            }
            return;
        }
        for (var j = 0; j < width; j++)
        {
            for (var p = 0; p < k; p++)
            {
                pack[j * k + p] = b[p * n + fromColumn + j];
            }
        }
        for (var i = rowStart; i < rowEnd; i++)
        {
            var row = a.Slice(i * k, k);
            for (var j = 0; j < width; j++)
            {
                c[i * n + fromColumn + j] = System.Numerics.Tensors.TensorPrimitives.Dot(row, pack.Slice(j * k, k));
            }
        }
    }

    /// <summary>Rows [rowStart, rowEnd) of the transpose of <paramref name="source"/> (rows × columns) into <paramref name="target"/> (columns × rows), in cache-sized tiles.</summary>
    public static void Transpose(ReadOnlySpan<double> source, Span<double> target, int rows, int columns, int rowStart, int rowEnd)
    {
        const int Tile = 32;
        for (var p0 = rowStart; p0 < rowEnd; p0 += Tile)
        {
            var p1 = Math.Min(p0 + Tile, rowEnd);
            for (var i0 = 0; i0 < rows; i0 += Tile)
            {
                var i1 = Math.Min(i0 + Tile, rows);
                for (var p = p0; p < p1; p++)
                {
                    for (var i = i0; i < i1; i++)
                    {
                        target[p * rows + i] = source[i * columns + p];
                    }
                }
            }
        }
    }
}
