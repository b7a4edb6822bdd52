namespace NeuralNotebooks.Activations;

/// <summary>The logistic sigmoid, the blog's activation function.</summary>
/// <remarks>
/// σ(z) = 1 / (1 + e^(−z)), with z first clipped to [−250, 250] as the blog does so that e^(−z)
/// never overflows. Its derivative, written in terms of the output a = σ(z), is a · (1 − a).
/// </remarks>
public static class Sigmoid
{
    /// <summary>The blog clips z to [−Clip, Clip] before taking the exponential.</summary>
    public const double Clip = 250;

    /// <summary>σ(z) = 1 / (1 + e^(−clip(z, −250, 250))), a number between 0 and 1.</summary>
    public static double Value(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -Clip, Clip)));

    /// <summary>σ′ in terms of the sigmoid's output a: a · (1 − a) (the blog's <c>sigmoid_derivative</c>).</summary>
    public static double DerivativeFromOutput(double a) => a * (1 - a);
}
