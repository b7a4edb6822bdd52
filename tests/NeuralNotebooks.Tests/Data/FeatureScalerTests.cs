using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class FeatureScalerTests
{
    private static readonly Matrix<double> X = Matrix<double>.Build.DenseOfRowArrays([2.0, 7], [4.0, 7], [10.0, 7]);

    [Fact]
    public void A_column_with_a_single_value_becomes_0_under_either_scaling()
    {
        Assert.Equal([0.0, 0, 0], FeatureScaler.Fit(X, Scaling.MinMax).Apply(X).Column(1).ToArray());
        Assert.Equal([0.0, 0, 0], FeatureScaler.Fit(X, Scaling.Standardize).Apply(X).Column(1).ToArray());
    }

    [Fact]
    public void New_data_is_scaled_with_the_fitted_parameters_not_its_own()
    {
        var scaler = FeatureScaler.Fit(X, Scaling.MinMax);

        var scaled = scaler.Apply(Matrix<double>.Build.DenseOfRowArrays([18.0, 7], [0.0, 8]));

        // Column 0 was fitted to 2 … 10: (18 − 2) / 8 = 2 and (0 − 2) / 8 = −0.25; column 1 to 7 with scale 1.
        Assert.Equal([2.0, -0.25], scaled.Column(0).ToArray());
        Assert.Equal([0.0, 1.0], scaled.Column(1).ToArray());
    }

    [Fact]
    public void No_scaling_leaves_the_values_as_they_are()
    {
        Assert.Equal(X, FeatureScaler.Fit(X, Scaling.None).Apply(X));
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_parameter()
    {
        Assert.Equal("X", Assert.Throws<ArgumentNullException>(() => FeatureScaler.Fit(null!, Scaling.MinMax)).ParamName);
        var kind = Assert.Throws<ArgumentOutOfRangeException>(() => FeatureScaler.Fit(X, (Scaling)7));
        Assert.Equal("kind", kind.ParamName);
        Assert.StartsWith("kind must be one of None, MinMax, Standardize, but was 7.", kind.Message, StringComparison.Ordinal);
        var columns = Assert.Throws<ArgumentException>(() => FeatureScaler.Fit(X, Scaling.MinMax).Apply(Matrix<double>.Build.Dense(2, 3)));
        Assert.Equal("X", columns.ParamName);
        Assert.StartsWith("X must be n×2 (one column per column the scaling was fitted to), but was 2×3.", columns.Message, StringComparison.Ordinal);
    }
}
