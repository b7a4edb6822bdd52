using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>W7: the bench's reader and the Python side's must give the same images, pixel for pixel, and labels.</summary>
public class FashionMnistFilesTests
{
    [FashionMnistFact]
    public void Python_reads_the_same_test_images_and_labels_as_the_bench()
    {
        var test = FashionMnistFiles.Load(FashionMnistFiles.DebianFolder, "t10k");

        var python = PythonScript.Run("classifier_workloads.py", ["W7", $"--data={FashionMnistFiles.DebianFolder}", "--digest"]);

        Assert.Equal((60_000, 10_000), (python.GetProperty("train_rows").GetInt32(), python.GetProperty("test_rows").GetInt32()));
        Assert.Equal((10_000, 784), (test.X.RowCount, test.X.ColumnCount));
        PythonExportTests.AssertSame(python, "test", test.X, test.Labels);
    }
}
