using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNotebooks.Fast;

/// <summary>
/// C = A · B for double matrices laid out in flat arrays, a block of C at a time held in AVX-512 registers
/// (8 rows × 16 columns) while the inner index runs: the fast engine's matrix product.
/// </summary>
/// <remarks>
/// A is read through two strides, A(i, p) = a[i · aRow + p · aCol], so the same code multiplies by A or by Aᵀ without
/// copying it. Every entry of C is one chain of fused multiply-adds over p from 0 to k − 1, whichever block computes
/// it, so the result does not depend on how the rows are split between cores (or on the machine: without AVX-512 the
/// same chain runs one number at a time).
/// </remarks>
internal static class MatrixProduct
{
    private const int RowBlock = 8;
    private const int ColumnBlock = 16;
    private const int Lanes = 8;

    // Below this many entries a copy is too quick to pay for the second core's hand-over.
    private const int TwoCoreCopy = 1 << 20;

    /// <summary>
    /// Rows [rowStart, rowEnd) of C: C(i, j) = Σ_p A(i, p) · B(p, j) for j in [0, n), with A(i, p) = a[i · aRow + p · aCol],
    /// B(p, j) = b[p · ldb + j] and C(i, j) = c[i · ldc + j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<double> a, int aRow, int aCol, ReadOnlySpan<double> b, int ldb,
        Span<double> c, int ldc, int rowStart, int rowEnd, int n, int k)
    {
        if (rowStart >= rowEnd || n == 0)
        {
            return;
        }
        CheckBounds(a.Length, (long)(rowEnd - 1) * aRow + (long)(k - 1) * aCol, b.Length, (long)(k - 1) * ldb + n - 1, c.Length, (long)(rowEnd - 1) * ldc + n - 1, k);
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var bRef = ref MemoryMarshal.GetReference(b);
        ref var cRef = ref MemoryMarshal.GetReference(c);
        if (!Vector512.IsHardwareAccelerated)
        {
            OneByOne(ref aRef, aRow, aCol, ref bRef, ldb, ref cRef, ldc, rowStart, rowEnd, 0, n, k);
            return;
        }
        var wide = n - n % ColumnBlock;
        var vectors = n - n % Lanes;
        // The last few columns (fewer than a vector), copied side by side with zeros after them, so a vector kernel can take them too.
        var tail = n > vectors ? ArrayPool<double>.Shared.Rent(k * Lanes) : null;
        if (tail is not null)
        {
            for (var p = 0; p < k; p++)
            {
                var row = tail.AsSpan(p * Lanes, Lanes);
                b.Slice(p * ldb + vectors, n - vectors).CopyTo(row);
                row[(n - vectors)..].Clear();
            }
        }
        ref var tailRef = ref tail is null ? ref bRef : ref MemoryMarshal.GetArrayDataReference(tail);
        var i = rowStart;
        for (; i + RowBlock <= rowEnd; i += RowBlock)
        {
            Rows<Eight>(ref aRef, aRow, aCol, ref bRef, ldb, ref cRef, ldc, i, wide, vectors, n, k, ref tailRef);
        }
        for (; i + 4 <= rowEnd; i += 4)
        {
            Rows<Four>(ref aRef, aRow, aCol, ref bRef, ldb, ref cRef, ldc, i, wide, vectors, n, k, ref tailRef);
        }
        for (; i < rowEnd; i++)
        {
            Rows<One>(ref aRef, aRow, aCol, ref bRef, ldb, ref cRef, ldc, i, wide, vectors, n, k, ref tailRef);
        }
        if (tail is not null)
        {
            ArrayPool<double>.Shared.Return(tail);
        }
    }

    /// <summary>
    /// A matrix's entries row after row (MathNet stores them column after column), in <paramref name="target"/> when it is
    /// long enough, else in a new array; both cores copy when <paramref name="cores"/> is given and the matrix is large.
    /// </summary>
    public static double[] RowMajor(MathNet.Numerics.LinearAlgebra.Matrix<double> matrix, double[]? target = null, TwoCores? cores = null)
    {
        if (matrix.AsColumnMajorArray() is not { } columns)
        {
            return matrix.ToRowMajorArray();
        }
        var (rowCount, columnCount) = (matrix.RowCount, matrix.ColumnCount);
        var rows = target is not null && target.Length >= columns.Length ? target : GC.AllocateUninitializedArray<double>(columns.Length);
        if (cores is null || columns.Length < TwoCoreCopy)
        {
            Transpose(columns, rows, columnCount, rowCount, 0, columnCount);
        }
        else
        {
            // Split by the matrix's columns, a multiple of 8 each, so each core writes whole cache lines of every row.
            var half = columnCount / 2 / Lanes * Lanes;
            cores.Run(part => Transpose(columns, rows, columnCount, rowCount, part == 0 ? 0 : half, part == 0 ? half : columnCount));
        }
        return rows;
    }

    /// <summary>
    /// target (columns × rows) = source (rows × columns)ᵀ for the source's rows [rowStart, rowEnd): with AVX-512, 8 × 8
    /// blocks turned in registers, 8 of the target's rows at a time so that it is written front to back.
    /// </summary>
    public static void Transpose(ReadOnlySpan<double> source, Span<double> target, int rows, int columns, int rowStart, int rowEnd)
    {
        var size = (long)rows * columns;
        if (rowStart < 0 || rowEnd > rows || source.Length < size || target.Length < size)
        {
            throw new ArgumentException($"A transpose of {rows} × {columns} (rows {rowStart} to {rowEnd}) does not fit arrays of {source.Length} and {target.Length}.");
        }
        var (blockRowEnd, blockColumns) = Avx512F.IsSupported ? (rowStart + (rowEnd - rowStart) / Lanes * Lanes, columns / Lanes * Lanes) : (rowStart, 0);
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var t = ref MemoryMarshal.GetReference(target);
        for (var j = 0; j < blockColumns; j += Lanes)
        {
            for (var i = rowStart; i < blockRowEnd; i += Lanes)
            {
                TransposeBlock(ref Unsafe.Add(ref s, (nint)i * columns + j), columns, ref Unsafe.Add(ref t, (nint)j * rows + i), rows);
            }
        }
        // What the blocks leave, one entry at a time: the last columns of every row, and the last rows of the other columns.
        for (var i = rowStart; i < rowEnd; i++)
        {
            for (var j = i < blockRowEnd ? blockColumns : 0; j < columns; j++)
            {
                Unsafe.Add(ref t, (nint)j * rows + i) = Unsafe.Add(ref s, (nint)i * columns + j);
            }
        }
    }

    /// <summary>
    /// One 8 × 8 block: its rows loaded as vectors, pairs of rows interleaved, then 128- and 256-bit halves swapped into place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposeBlock(ref double source, int sourceRow, ref double target, int targetRow)
    {
        var r0 = Vector512.LoadUnsafe(ref source);
        var r1 = Vector512.LoadUnsafe(ref source, (nuint)sourceRow);
        var r2 = Vector512.LoadUnsafe(ref source, (nuint)(2 * sourceRow));
        var r3 = Vector512.LoadUnsafe(ref source, (nuint)(3 * sourceRow));
        var r4 = Vector512.LoadUnsafe(ref source, (nuint)(4 * sourceRow));
        var r5 = Vector512.LoadUnsafe(ref source, (nuint)(5 * sourceRow));
        var r6 = Vector512.LoadUnsafe(ref source, (nuint)(6 * sourceRow));
        var r7 = Vector512.LoadUnsafe(ref source, (nuint)(7 * sourceRow));
        // Even and odd columns of each pair of rows: [r0₀ r1₀ | r0₂ r1₂ | r0₄ r1₄ | r0₆ r1₆] and [r0₁ r1₁ | r0₃ r1₃ | …].
        var even01 = Avx512F.UnpackLow(r0, r1);
        var odd01 = Avx512F.UnpackHigh(r0, r1);
        var even23 = Avx512F.UnpackLow(r2, r3);
        var odd23 = Avx512F.UnpackHigh(r2, r3);
        var even45 = Avx512F.UnpackLow(r4, r5);
        var odd45 = Avx512F.UnpackHigh(r4, r5);
        var even67 = Avx512F.UnpackLow(r6, r7);
        var odd67 = Avx512F.UnpackHigh(r6, r7);
        // 0x88 takes 128-bit lanes 0 and 2 of each operand, 0xDD lanes 1 and 3: [r0₀ r1₀ | r0₄ r1₄ | r2₀ r3₀ | r2₄ r3₄] and so on.
        var c04Top = Avx512F.Shuffle4x128(even01, even23, 0x88);
        var c26Top = Avx512F.Shuffle4x128(even01, even23, 0xDD);
        var c04Bottom = Avx512F.Shuffle4x128(even45, even67, 0x88);
        var c26Bottom = Avx512F.Shuffle4x128(even45, even67, 0xDD);
        var c15Top = Avx512F.Shuffle4x128(odd01, odd23, 0x88);
        var c37Top = Avx512F.Shuffle4x128(odd01, odd23, 0xDD);
        var c15Bottom = Avx512F.Shuffle4x128(odd45, odd67, 0x88);
        var c37Bottom = Avx512F.Shuffle4x128(odd45, odd67, 0xDD);
        Avx512F.Shuffle4x128(c04Top, c04Bottom, 0x88).StoreUnsafe(ref target);
        Avx512F.Shuffle4x128(c15Top, c15Bottom, 0x88).StoreUnsafe(ref target, (nuint)targetRow);
        Avx512F.Shuffle4x128(c26Top, c26Bottom, 0x88).StoreUnsafe(ref target, (nuint)(2 * targetRow));
        Avx512F.Shuffle4x128(c37Top, c37Bottom, 0x88).StoreUnsafe(ref target, (nuint)(3 * targetRow));
        Avx512F.Shuffle4x128(c04Top, c04Bottom, 0xDD).StoreUnsafe(ref target, (nuint)(4 * targetRow));
        Avx512F.Shuffle4x128(c15Top, c15Bottom, 0xDD).StoreUnsafe(ref target, (nuint)(5 * targetRow));
        Avx512F.Shuffle4x128(c26Top, c26Bottom, 0xDD).StoreUnsafe(ref target, (nuint)(6 * targetRow));
        Avx512F.Shuffle4x128(c37Top, c37Bottom, 0xDD).StoreUnsafe(ref target, (nuint)(7 * targetRow));
    }

    // One band of TRows rows of C: 16 columns at a time, then 8, then the last few from the padded copy of B's last columns.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows<TRows>(ref double a, int aRow, int aCol, ref double b, int ldb, ref double c, int ldc, int i, int wide, int vectors, int n, int k,
        ref double tail)
        where TRows : struct, ICount
    {
        ref var aBand = ref Unsafe.Add(ref a, (nint)i * aRow);
        ref var cBand = ref Unsafe.Add(ref c, (nint)i * ldc);
        for (var j = 0; j < wide; j += ColumnBlock)
        {
            Block<TRows, Sixteen>(ref aBand, aRow, aCol, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref cBand, j), ldc, k);
        }
        if (vectors > wide)
        {
            Block<TRows, Eight>(ref aBand, aRow, aCol, ref Unsafe.Add(ref b, wide), ldb, ref Unsafe.Add(ref cBand, wide), ldc, k);
        }
        if (n > vectors)
        {
            // Computed into a block on the stack, of which the real columns are kept.
            Span<double> block = stackalloc double[RowBlock * Lanes];
            Block<TRows, Eight>(ref aBand, aRow, aCol, ref tail, Lanes, ref MemoryMarshal.GetReference(block), Lanes, k);
            for (var r = 0; r < TRows.Value; r++)
            {
                block.Slice(r * Lanes, n - vectors).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref cBand, r * ldc + vectors), n - vectors));
            }
        }
    }

    /// <summary>
    /// A TRows × TColumns block of C in registers: for each p, one or two vectors of B's row p and each row's A(i, p)
    /// broadcast, multiplied and added (fused) into the block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block<TRows, TColumns>(ref double a, int aRow, int aCol, ref double b, int ldb, ref double c, int ldc, int k)
        where TRows : struct, ICount
        where TColumns : struct, ICount
    {
        var rows = TRows.Value;
        var two = TColumns.Value == ColumnBlock;
        nint r1 = aRow, r2 = 2 * r1, r3 = 3 * r1, r4 = 4 * r1, r5 = 5 * r1, r6 = 6 * r1, r7 = 7 * r1;
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<double> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        ref var ap = ref a;
        ref var bp = ref b;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref bp);
            var b1 = two ? Vector512.LoadUnsafe(ref bp, Lanes) : default;
            var x = Vector512.Create(ap);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            if (two) { c01 = Vector512.FusedMultiplyAdd(x, b1, c01); }
            if (rows > 1)
            {
                x = Vector512.Create(Unsafe.Add(ref ap, r1));
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                if (two) { c11 = Vector512.FusedMultiplyAdd(x, b1, c11); }
                x = Vector512.Create(Unsafe.Add(ref ap, r2));
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                if (two) { c21 = Vector512.FusedMultiplyAdd(x, b1, c21); }
                x = Vector512.Create(Unsafe.Add(ref ap, r3));
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
                if (two) { c31 = Vector512.FusedMultiplyAdd(x, b1, c31); }
            }
            if (rows > 4)
            {
                x = Vector512.Create(Unsafe.Add(ref ap, r4));
                c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
                if (two) { c41 = Vector512.FusedMultiplyAdd(x, b1, c41); }
                x = Vector512.Create(Unsafe.Add(ref ap, r5));
                c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
                if (two) { c51 = Vector512.FusedMultiplyAdd(x, b1, c51); }
                x = Vector512.Create(Unsafe.Add(ref ap, r6));
                c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
                if (two) { c61 = Vector512.FusedMultiplyAdd(x, b1, c61); }
                x = Vector512.Create(Unsafe.Add(ref ap, r7));
                c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
                if (two) { c71 = Vector512.FusedMultiplyAdd(x, b1, c71); }
            }
            ap = ref Unsafe.Add(ref ap, aCol);
            bp = ref Unsafe.Add(ref bp, ldb);
        }
        Store(ref c, 0, c00, c01, two);
        if (rows > 1)
        {
            Store(ref c, ldc, c10, c11, two);
            Store(ref c, 2 * ldc, c20, c21, two);
            Store(ref c, 3 * ldc, c30, c31, two);
        }
        if (rows > 4)
        {
            Store(ref c, 4 * ldc, c40, c41, two);
            Store(ref c, 5 * ldc, c50, c51, two);
            Store(ref c, 6 * ldc, c60, c61, two);
            Store(ref c, 7 * ldc, c70, c71, two);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double c, int offset, Vector512<double> left, Vector512<double> right, bool two)
    {
        left.StoreUnsafe(ref c, (nuint)offset);
        if (two)
        {
            right.StoreUnsafe(ref c, (nuint)(offset + Lanes));
        }
    }

    /// <summary>Every entry, one at a time (without AVX-512): the same fused chain as a vector lane.</summary>
    private static void OneByOne(ref double a, int aRow, int aCol, ref double b, int ldb, ref double c, int ldc, int rowStart, int rowEnd, int fromColumn, int n, int k)
    {
        for (var i = rowStart; i < rowEnd; i++)
        {
            for (var j = fromColumn; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, (nint)i * aRow + (nint)p * aCol), Unsafe.Add(ref b, (nint)p * ldb + j), sum);
                }
                Unsafe.Add(ref c, (nint)i * ldc + j) = sum;
            }
        }
    }

    private static void CheckBounds(int aLength, long aLast, int bLength, long bLast, int cLength, long cLast, int k)
    {
        if ((k > 0 && (aLast >= aLength || bLast >= bLength)) || cLast >= cLength)
        {
            throw new ArgumentException("A matrix product would read or write past the end of its arrays.");
        }
    }

    private interface ICount
    {
        static abstract int Value { get; }
    }

    private readonly struct One : ICount
    {
        public static int Value => 1;
    }

    private readonly struct Four : ICount
    {
        public static int Value => 4;
    }

    private readonly struct Eight : ICount
    {
        public static int Value => 8;
    }

    private readonly struct Sixteen : ICount
    {
        public static int Value => 16;
    }
}
