namespace NeuralNotebooks.Activations;

/// <summary>An activation's formula for one number, and its slope written through the output a = f(z).</summary>
internal interface IEntrywiseFormula
{
    static abstract double Value(double z);

    static abstract double DerivativeFromOutput(double a);

    /// <summary>The largest |f(z)| for |z| up to <paramref name="largestInput"/>.</summary>
    static abstract double Bound(double largestInput);
}

/// <summary>The blog's clipped sigmoid, written in <see cref="Sigmoid"/>.</summary>
internal readonly struct SigmoidFormula : IEntrywiseFormula
{
    public static double Value(double z) => Sigmoid.Value(z);

    public static double DerivativeFromOutput(double a) => Sigmoid.DerivativeFromOutput(a);

    public static double Bound(double largestInput) => 1;
}

/// <summary>tanh(z); tanh′ = 1 − a².</summary>
internal readonly struct TanhFormula : IEntrywiseFormula
{
    public static double Value(double z) => Math.Tanh(z);

    public static double DerivativeFromOutput(double a) => 1 - a * a;

    public static double Bound(double largestInput) => 1;
}

/// <summary>max(0, z); slope 1 where a &gt; 0, else 0.</summary>
internal readonly struct ReLUFormula : IEntrywiseFormula
{
    public static double Value(double z) => z > 0 ? z : 0;

    public static double DerivativeFromOutput(double a) => a > 0 ? 1 : 0;

    public static double Bound(double largestInput) => largestInput;
}

/// <summary>z for z &gt; 0, else 0.01 · z; slope 1 or 0.01.</summary>
internal readonly struct LeakyReLUFormula : IEntrywiseFormula
{
    public static double Value(double z) => z > 0 ? z : Activation.LeakySlope * z;

    public static double DerivativeFromOutput(double a) => a > 0 ? 1 : Activation.LeakySlope;

    public static double Bound(double largestInput) => largestInput;
}

/// <summary>The identity, slope 1.</summary>
internal readonly struct LinearFormula : IEntrywiseFormula
{
    public static double Value(double z) => z;

    public static double DerivativeFromOutput(double a) => 1;

    public static double Bound(double largestInput) => largestInput;
}
