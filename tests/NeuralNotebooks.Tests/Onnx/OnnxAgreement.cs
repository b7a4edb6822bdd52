using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Tests.Onnx;

/// <summary>
/// How closely ONNX Runtime must reproduce <c>NeuralNetwork.Predict</c>: each output to within 1e-12, relative to the
/// output where it is above 1 in size, absolute below.
/// </summary>
/// <remarks>
/// Both sides compute in float64 and differ only by rounding: ONNX Runtime's Gemm adds up the products in another
/// order than MathNet, its exp and tanh may differ in the last bit, and its float64 Sigmoid computes
/// 1 − 1/(1 + e^z) for z &lt; 0, which is exact to 1.1e-16 absolutely but not relative to a tiny output (it gives 0
/// where the library gives 8.5e-17 at z = −37). So the difference is judged absolutely for outputs below 1. Over
/// every pair of activations in <c>OnnxActivationsTests</c> the largest difference measured is 7.9e-15, more than a
/// hundred times below the tolerance; a real mistake (a weight off by 1e-9, transposed weights, a float32 slope)
/// shows above it.
/// </remarks>
internal static class OnnxAgreement
{
    public const double Tolerance = 1e-12;

    /// <summary>The largest |actual − expected| / max(1, |expected|) over all entries.</summary>
    public static double LargestDifference(Matrix<double> expected, Matrix<double> actual)
    {
        Assert.Equal((expected.RowCount, expected.ColumnCount), (actual.RowCount, actual.ColumnCount));
        var largest = 0.0;
        for (var i = 0; i < expected.RowCount; i++)
        {
            for (var j = 0; j < expected.ColumnCount; j++)
            {
                var difference = Math.Abs(actual[i, j] - expected[i, j]) / Math.Max(1, Math.Abs(expected[i, j]));
                largest = double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(largest, difference);
            }
        }
        return largest;
    }

    public static void AssertAgree(Matrix<double> expected, Matrix<double> actual)
    {
        var difference = LargestDifference(expected, actual);
        Assert.True(difference <= Tolerance, $"ONNX Runtime differs from Predict by {difference:E2}, above {Tolerance:E0}.");
    }
}
