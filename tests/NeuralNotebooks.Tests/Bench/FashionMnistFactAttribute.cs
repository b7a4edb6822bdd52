using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>A test that needs numpy and Fashion-MNIST's files in a folder the library searches; skipped with the reason where either is missing.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        Skip = new NumpyFactAttribute().Skip
            ?? (FashionMnistFolder.Find() is null ? $"Needs Fashion-MNIST in one of the library's folders (Debian's {FashionMnistFolder.DebianPackage} installs it)." : null);
    }
}
