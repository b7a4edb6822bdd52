using System.Globalization;
using System.Numerics;

namespace NeuralNotebooks.Text;

/// <summary>Formats numbers exactly as Python does, so C# output can match the blog's byte for byte.</summary>
public static class PythonFormat
{
    /// <summary>
    /// Python's <c>f"{value:.{digits}f}"</c>: the exact binary value rounded to <paramref name="digits"/>
    /// decimals, ties to even (0.125 → "0.12" at two digits, where .NET's "F2" gives "0.13").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is negative.</exception>
    public static string Fixed(double value, int digits)
    {
        Guard.AtLeast(digits, 0, nameof(digits));
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var sign = double.IsNegative(value) ? "-" : "";
        var scaled = RoundHalfEven(Math.Abs(value), digits).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        return digits == 0 ? sign + scaled : $"{sign}{scaled[..^digits]}.{scaled[^digits..]}";
    }

    /// <summary>
    /// Python's <c>repr(value)</c> for a float: the shortest digits that read back as the same number,
    /// always with a decimal point or an exponent (1.0, 0.1, 1e-05, 1e+16).
    /// </summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        // "R" gives the shortest digits that round-trip, as Python's repr does; only the layout differs.
        var (digits, exponent) = DigitsAndExponent(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sign = double.IsNegative(value) ? "-" : "";
        if (exponent < -4 || exponent >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        if (exponent < 0)
        {
            return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
        }
        return digits.Length <= exponent + 1
            ? $"{sign}{digits.PadRight(exponent + 1, '0')}.0"
            : $"{sign}{digits[..(exponent + 1)]}.{digits[(exponent + 1)..]}";
    }

    private static BigInteger RoundHalfEven(double magnitude, int digits)
    {
        var bits = BitConverter.DoubleToInt64Bits(magnitude);
        var biasedExponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biasedExponent != 0)
        {
            mantissa |= 1L << 52;
        }
        var exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        if (exponent >= 0)
        {
            return numerator << exponent;
        }
        var denominator = BigInteger.One << -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var comparison = (remainder * 2).CompareTo(denominator);
        return comparison > 0 || (comparison == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
    }

    /// <summary>The significant digits (no leading or trailing zeros) and the decimal exponent of the first one.</summary>
    private static (string Digits, int Exponent) DigitsAndExponent(string roundTrip)
    {
        var e = roundTrip.IndexOf('E');
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var powerOfTen = e < 0 ? 0 : int.Parse(roundTrip[(e + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var allDigits = mantissa.Replace(".", "");
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return digits.Length == 0
            ? ("0", 0)
            : (digits, powerOfTen + (point < 0 ? mantissa.Length : point) - 1 - leadingZeros);
    }
}
