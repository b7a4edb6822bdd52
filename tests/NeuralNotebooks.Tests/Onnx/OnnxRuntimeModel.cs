using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime;
using NeuralNotebooks.Onnx;

namespace NeuralNotebooks.Tests.Onnx;

/// <summary>An exported model loaded in ONNX Runtime (its CPU provider, default options): the independent side of every comparison.</summary>
internal sealed class OnnxRuntimeModel(byte[] model) : IDisposable
{
    public InferenceSession Session { get; } = new(model);

    /// <summary>Runs a batch, one example per row, through the model's input and output names.</summary>
    public Matrix<double> Predict(Matrix<double> X)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(X.ToRowMajorArray(), [X.RowCount, X.ColumnCount]);
        using var options = new RunOptions();
        using var outputs = Session.Run(options, [OnnxExport.InputName], [input], [OnnxExport.OutputName]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        Assert.Equal(2, shape.Length);
        return Matrix<double>.Build.DenseOfRowMajor((int)shape[0], (int)shape[1], outputs[0].GetTensorDataAsSpan<double>().ToArray());
    }

    public void Dispose() => Session.Dispose();
}
