using System.Globalization;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Bench;

/// <summary>Trains a classifier workload with the library (its public API, as notebook 10 does) or one of the alternatives.</summary>
internal static class ClassifierRun
{
    /// <summary>The alternatives, as the Python script names them.</summary>
    public static IReadOnlyList<string> Alternatives { get; } = ["sklearn", "torch-float64", "torch-float32"];

    public static ClassifierResult Library(ClassifierWorkload w)
    {
        var network = w.CreateNetwork();
        var (seconds, bytes) = Measurement.Of(() => network.Train(w.Train.X, w.Train.y, Loss.SoftmaxCrossEntropy, w.Options), w.Epochs);
        var accuracy = Metrics.Accuracy(network.Predict(w.Test.X), w.Test.y);
        return new("library", "float64", seconds, w.Epochs, accuracy, bytes, $"NeuralNotebooks, .NET {Environment.Version}");
    }

    /// <summary>Runs <paramref name="framework"/> (one of <see cref="Alternatives"/>) in Debian's Python on the data in <paramref name="dataFolder"/>.</summary>
    public static ClassifierResult Alternative(ClassifierWorkload w, string framework, string dataFolder)
    {
        var result = PythonScript.Run("classifier_workloads.py", [.. w.PythonArguments(), $"--framework={framework}", $"--data={dataFolder}"]);
        var (name, dtype) = (framework.StartsWith("torch", StringComparison.Ordinal) ? "PyTorch" : "scikit-learn", result.GetProperty("dtype").GetString()!);
        return new(name, dtype, result.GetProperty("seconds").GetDouble(), result.GetProperty("epochs").GetInt32(),
            result.GetProperty("test_accuracy").GetDouble(), BytesPerEpoch: null,
            string.Create(CultureInfo.InvariantCulture, $"{name} {result.GetProperty("version").GetString()}, {result.GetProperty("threads").GetString()}, BLAS: {result.GetProperty("blas").GetString()}"));
    }
}
