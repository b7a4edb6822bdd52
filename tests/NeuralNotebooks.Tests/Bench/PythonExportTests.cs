using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>W6's export: the Python side must train on exactly the rows and values the library trains on.</summary>
public class PythonExportTests
{
    [NumpyFact]
    public void Python_loads_exactly_the_digits_the_library_trains_and_tests_on()
    {
        var digits = ClassifierWorkload.Digits();
        var folder = Directory.CreateTempSubdirectory("neuralnotebooks-export-test").FullName;
        try
        {
            PythonExport.Write(folder, digits.Train, digits.Test);

            var python = PythonScript.Run("classifier_workloads.py", ["W6", $"--data={folder}", "--digest"]);

            Assert.Equal((1348, 449), (python.GetProperty("train_rows").GetInt32(), python.GetProperty("test_rows").GetInt32()));
            AssertSame(python, "train", digits.Train.X, digits.Train.Labels);
            AssertSame(python, "test", digits.Test.X, digits.Test.Labels);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void AssertSame(JsonElement python, string part, Matrix<double> X, int[] labels)
    {
        Assert.Equal(Digest(MemoryMarshal.AsBytes(X.ToRowMajorArray().AsSpan())), python.GetProperty($"{part}_x").GetString());
        Assert.Equal(Digest(MemoryMarshal.AsBytes(labels.Select(l => (long)l).ToArray().AsSpan())), python.GetProperty($"{part}_labels").GetString());
    }

    private static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
