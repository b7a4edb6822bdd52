using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Tests.Fixtures;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

/// <summary>The blog's numpy output (the reference files) and the blog's network trained by the library.</summary>
public static class BlogReference
{
    public const string Predictions = "Input -> Predicted Output (Expected)";
    public const string NoisyInputs = "Testing with slightly different inputs:";

    /// <summary>The blog's network trained at this rate for this many epochs.</summary>
    public static TrainingHistory Train(double learningRate, int epochs) =>
        new SimpleNeuralNetwork(4, 42).Train(Xor.Inputs, Xor.Targets, epochs, learningRate);

    /// <summary>The text of a reference file.</summary>
    public static string Text(string file) => ReferenceFiles.Text(file);

    /// <summary>The blog's "Epoch N, Loss: …" lines of a reference output.</summary>
    public static string EpochLines(string text) =>
        string.Concat(text.Split('\n').Where(l => l.StartsWith("Epoch ", StringComparison.Ordinal)).Select(l => l + "\n"));

    /// <summary>The four lines after a heading line of a reference output (the blog tests four inputs each time).</summary>
    public static string LinesAfter(string text, string heading)
    {
        var lines = text.Split('\n').ToList();
        return string.Concat(lines.Skip(lines.IndexOf(heading) + 1).Take(4).Select(l => l + "\n"));
    }
}
