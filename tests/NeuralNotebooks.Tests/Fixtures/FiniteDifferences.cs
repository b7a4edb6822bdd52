using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Tests.Fixtures;

/// <summary>An independent oracle for gradients: central finite differences of the objective, one entry at a time.</summary>
internal static class FiniteDifferences
{
    public const double Step = 1e-5;
    public const double Tolerance = 1e-6;

    /// <summary>
    /// Nudges each entry of <paramref name="parameter"/> by ±h, measures <paramref name="objective"/>, and checks
    /// (E(w + h) − E(w − h)) / 2h against <paramref name="analytic"/>. Entries smaller than <paramref name="floor"/>
    /// are judged by absolute error (Tolerance × floor), where a relative error means nothing.
    /// </summary>
    public static void AssertMatch(Func<double> objective, Matrix<double> parameter, Matrix<double> analytic, string name, double floor)
    {
        for (var i = 0; i < parameter.RowCount; i++)
        {
            for (var j = 0; j < parameter.ColumnCount; j++)
            {
                var original = parameter[i, j];
                parameter[i, j] = original + Step;
                var plus = objective();
                parameter[i, j] = original - Step;
                var minus = objective();
                parameter[i, j] = original;

                var numeric = (plus - minus) / (2 * Step);
                var error = Math.Abs(numeric - analytic[i, j]) / Math.Max(Math.Abs(numeric) + Math.Abs(analytic[i, j]), floor);
                Assert.True(error < Tolerance, $"{name}[{i}, {j}]: analytic {analytic[i, j]:R}, numeric {numeric:R}, error {error:E2}");
            }
        }
    }
}
