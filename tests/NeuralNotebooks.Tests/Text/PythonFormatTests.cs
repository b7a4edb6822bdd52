using NeuralNotebooks.Text;

namespace NeuralNotebooks.Tests.Text;

/// <summary>Expected strings are what CPython 3.11 prints for the same doubles.</summary>
public class PythonFormatTests
{
    [Theory]
    [InlineData(0.2522, 4, "0.2522")]
    [InlineData(0.25224999, 4, "0.2522")]
    [InlineData(0.125, 2, "0.12")]      // an exact tie rounds to even ...
    [InlineData(0.375, 2, "0.38")]      // ... both ways
    [InlineData(0.03125, 4, "0.0312")]  // 1/32: a tie at four decimals, where .NET's "F4" gives 0.0313
    [InlineData(0.09375, 4, "0.0938")]
    [InlineData(2.5, 0, "2")]
    [InlineData(0.00004, 4, "0.0000")]
    [InlineData(-0.00004, 4, "-0.0000")]
    [InlineData(-1.5, 3, "-1.500")]
    [InlineData(1e20, 1, "100000000000000000000.0")]
    [InlineData(0.1, 20, "0.10000000000000000555")]
    [InlineData(double.NaN, 4, "nan")]
    [InlineData(double.NegativeInfinity, 4, "-inf")]
    public void Fixed_matches_pythons_f_format(double value, int digits, string expected) =>
        Assert.Equal(expected, PythonFormat.Fixed(value, digits));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(0.9, "0.9")]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.0, "-2.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e23, "1e+23")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void Repr_matches_pythons_repr(double value, string expected) =>
        Assert.Equal(expected, PythonFormat.Repr(value));
}
