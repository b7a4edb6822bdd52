namespace NeuralNotebooks.Activations;

/// <summary>
/// An activation applied entry by entry, its formula a type so that the span kernels call it directly (inlined)
/// rather than through a delegate; <see cref="Activation.Function"/> and <see cref="Activation.DerivativeFromOutput"/>
/// are the same two static methods.
/// </summary>
internal sealed record EntrywiseActivation<TFormula>(string Label)
    : Activation(Label, TFormula.Value, TFormula.DerivativeFromOutput)
    where TFormula : struct, IEntrywiseFormula
{
    public override void Apply(ReadOnlySpan<double> z, Span<double> a, int width)
    {
        CheckRows(z.Length, a.Length, width);
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = TFormula.Value(z[i]);
        }
    }

    internal override double Bound(double largestInput) => TFormula.Bound(largestInput);

    internal override bool EntryByEntry => true;

    public override void Backward(ReadOnlySpan<double> a, ReadOnlySpan<double> gradientOfOutput, Span<double> gradientOfInput, int width)
    {
        CheckRows(a.Length, gradientOfOutput.Length, width);
        CheckRows(a.Length, gradientOfInput.Length, width);
        for (var i = 0; i < a.Length; i++)
        {
            gradientOfInput[i] = gradientOfOutput[i] * TFormula.DerivativeFromOutput(a[i]);
        }
    }
}
