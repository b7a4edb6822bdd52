using NeuralNotebooks.Data;

namespace NeuralNotebooks.Bench;

/// <summary>
/// The training and test examples written as .npy files for the Python side, so scikit-learn and PyTorch train on
/// exactly the rows and values the library trains on: train_x.npy, train_labels.npy, test_x.npy, test_labels.npy.
/// </summary>
internal static class PythonExport
{
    public static void Write(string folder, Dataset train, Dataset test)
    {
        Directory.CreateDirectory(folder);
        foreach (var (part, data) in new[] { ("train", train), ("test", test) })
        {
            NpyFile.Write(Path.Combine(folder, $"{part}_x.npy"), data.X);
            NpyFile.Write(Path.Combine(folder, $"{part}_labels.npy"), data.Labels);
        }
    }
}
