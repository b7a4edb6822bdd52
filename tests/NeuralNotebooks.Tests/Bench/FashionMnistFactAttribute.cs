using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>A test that needs numpy and Debian's Fashion-MNIST files; skipped with the reason where either is missing.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        Skip = new NumpyFactAttribute().Skip
            ?? (FashionMnistFiles.Present(FashionMnistFiles.DebianFolder) ? null : $"Needs Debian's {FashionMnistFiles.DebianPackage} in {FashionMnistFiles.DebianFolder}.");
    }
}
