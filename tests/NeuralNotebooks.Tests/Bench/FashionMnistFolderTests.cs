using NeuralNotebooks.Bench;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>W7: the Python side, reading the folder the benchmark finds, must get the library's images and labels, bit for bit.</summary>
public class FashionMnistFolderTests
{
    [FashionMnistFact]
    public void Python_reads_the_same_images_and_labels_as_the_library_from_the_folder_found()
    {
        var folder = FashionMnistFolder.Find()!;
        var (train, test) = FashionMnist.Load(folder);

        var python = PythonScript.Run("classifier_workloads.py", ["W7", $"--data={folder}", "--digest"]);

        Assert.Equal((60_000, 10_000), (python.GetProperty("train_rows").GetInt32(), python.GetProperty("test_rows").GetInt32()));
        PythonExportTests.AssertSame(python, "train", train.X, train.Labels);
        PythonExportTests.AssertSame(python, "test", test.X, test.Labels);
    }
}
