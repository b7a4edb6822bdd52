using NeuralNotebooks.Data;

namespace NeuralNotebooks.Bench;

/// <summary>Which folder the library reads Fashion-MNIST from, so that the Python side reads the very same files.</summary>
internal static class FashionMnistFolder
{
    public const string DebianPackage = "dataset-fashion-mnist";

    /// <summary>The first of the library's search folders that holds all four files (gzipped or not), or null when none does.</summary>
    public static string? Find() => FashionMnist.SearchFolders.FirstOrDefault(Holds);

    private static bool Holds(string folder) =>
        FashionMnist.Files.All(f => File.Exists(Path.Combine(folder, f.Name)) || File.Exists(Path.Combine(folder, Path.GetFileNameWithoutExtension(f.Name))));
}
