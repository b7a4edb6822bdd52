using Google.Protobuf;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime.Tensors;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Onnx;
using NeuralNotebooks.Random;
using NeuralNotebooks.Training;
using Onnx;

namespace NeuralNotebooks.Tests.Onnx;

/// <summary>The exported model: its input and output, its metadata, its batch size, and what happens with bad input.</summary>
public sealed class OnnxExportTests : IDisposable
{
    private static readonly NeuralNetwork Network =
        NeuralNetwork.Create([5, 16, 8, 4], Activation.ReLU, Activation.Softmax, Initializer.Uniform, seed: 3);

    private readonly string folder = Directory.CreateTempSubdirectory("onnx-export-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_model_takes_input_batch_by_inputs_and_gives_output_batch_by_outputs_in_float64()
    {
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(Network));

        var input = Assert.Single(onnx.Session.InputMetadata);
        var output = Assert.Single(onnx.Session.OutputMetadata);

        Assert.Equal("input", input.Key);
        Assert.Equal("output", output.Key);
        Assert.Equal(TensorElementType.Double, input.Value.ElementDataType);
        Assert.Equal(TensorElementType.Double, output.Value.ElementDataType);
        Assert.Equal([-1, 5], input.Value.Dimensions);   // −1: the batch size is left open
        Assert.Equal([-1, 4], output.Value.Dimensions);
        Assert.Equal("batch", input.Value.SymbolicDimensions[0]);
        Assert.Equal("batch", output.Value.SymbolicDimensions[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    public void One_exported_model_runs_batches_of_any_size(int batchSize)
    {
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(Network));
        var X = new NumpyRandom(11).Uniform(-4, 4, batchSize, 5);

        var outputs = onnx.Predict(X);

        Assert.Equal((batchSize, 4), (outputs.RowCount, outputs.ColumnCount));
        OnnxAgreement.AssertAgree(Network.Predict(X), outputs);
    }

    [Fact]
    public void A_trained_network_gives_the_librarys_predictions_and_accuracy_in_onnx_runtime()
    {
        var (train, test) = Datasets.Moons(samples: 200, noise: 0.1, seed: 1).Split(0.25, seed: 1);
        var network = NeuralNetwork.Create([2, 8, 8, 1], Activation.Tanh, Activation.Sigmoid, Initializer.Xavier, seed: 1);
        network.Train(train.X, train.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 50, Optimizer = Optimizer.Adam(0.01), BatchSize = 16, ShuffleSeed = 1 });
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(network));

        var outputs = onnx.Predict(test.X);

        OnnxAgreement.AssertAgree(network.Predict(test.X), outputs);
        Assert.Equal(Metrics.Accuracy(network.Predict(test.X), test.y), Metrics.Accuracy(outputs, test.y));
        Assert.True(Metrics.Accuracy(outputs, test.y) > 0.8, "the network learned the moons, so the comparison is of a trained network");
    }

    [Fact]
    public void Weights_written_column_by_column_would_be_caught_by_the_comparison()
    {
        // Square hidden layers, so transposed weights still fit: the mistake would run, and only the numbers show it.
        var network = NeuralNetwork.Create([4, 4, 4, 3], Activation.Tanh, Activation.Linear, Initializer.Uniform, seed: 5);
        var X = new NumpyRandom(7).Uniform(-2, 2, 20, 4);
        var model = OnnxExport.ToModel(network);
        var w2 = Assert.Single(model.Graph.Initializer, t => t.Name == "W2");
        w2.DoubleData.Clear();
        w2.DoubleData.Add(network.Layers[1].Weights.ToColumnMajorArray());

        using var correct = new OnnxRuntimeModel(OnnxExport.ToBytes(network));
        using var transposed = new OnnxRuntimeModel(model.ToByteArray());

        OnnxAgreement.AssertAgree(network.Predict(X), correct.Predict(X));
        Assert.True(OnnxAgreement.LargestDifference(network.Predict(X), transposed.Predict(X)) > 1e-3);
    }

    [Fact]
    public void Each_layer_is_a_gemm_of_its_weights_and_biases_followed_by_its_activation()
    {
        var model = OnnxExport.ToModel(Network);

        Assert.Equal(["Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["input", "W1", "b1"], model.Graph.Node[0].Input);
        Assert.Equal(["Z3"], model.Graph.Node[4].Output);
        Assert.Equal(["output"], model.Graph.Node[5].Output);
        var w1 = Assert.Single(model.Graph.Initializer, t => t.Name == "W1");
        Assert.Equal([5L, 16L], w1.Dims);
        Assert.Equal(Network.Layers[0].Weights[0, 1], w1.DoubleData[1]); // row by row: the second number is W[0, 1]
        Assert.Equal([8L], Assert.Single(model.Graph.Initializer, t => t.Name == "b2").Dims);
        Assert.Equal(13, Assert.Single(model.OpsetImport).Version);
    }

    [Fact]
    public void The_model_names_its_producer_and_describes_the_network()
    {
        var model = OnnxExport.ToModel(Network);
        using var onnx = new OnnxRuntimeModel(model.ToByteArray());
        var metadata = onnx.Session.ModelMetadata;

        Assert.Equal("NeuralNotebooks", metadata.ProducerName);
        Assert.Equal(typeof(NeuralNetwork).Assembly.GetName().Version!.ToString(), model.ProducerVersion);
        Assert.Contains("A 5-16-8-4 network", metadata.Description, StringComparison.Ordinal);
        Assert.Contains("layer 1 5→16 relu, layer 2 16→8 relu, layer 3 8→4 softmax", metadata.Description, StringComparison.Ordinal);
        Assert.Contains("Input 'input': float64 [batch, 5]; output 'output': float64 [batch, 4]", metadata.Description, StringComparison.Ordinal);
        Assert.Equal("5,16,8,4", metadata.CustomMetadataMap["layer_sizes"]);
        Assert.Equal("relu,relu,softmax", metadata.CustomMetadataMap["activations"]);
        Assert.Equal("NeuralNotebooks 5-16-8-4", metadata.GraphName);
    }

    [Fact]
    public void The_file_the_stream_and_the_bytes_hold_the_same_model_and_the_same_network_always_gives_the_same_bytes()
    {
        var path = Path.Combine(folder, "model.onnx");
        using var stream = new MemoryStream();

        Network.SaveOnnx(path);
        OnnxExport.Write(Network, stream);

        var bytes = OnnxExport.ToBytes(Network);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(bytes, stream.ToArray());
        Assert.Equal(bytes, OnnxExport.ToBytes(Network.Clone()));
        Assert.True(stream.CanWrite, "the stream stays open");
    }

    [Fact]
    public void Saving_replaces_a_file_that_is_already_there()
    {
        var path = Path.Combine(folder, "model.onnx");
        File.WriteAllText(path, "an older model");

        Network.SaveOnnx(path);

        Assert.Equal(OnnxExport.ToBytes(Network), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_null_network_or_stream_or_path_is_rejected()
    {
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => OnnxExport.ToModel(null!)).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => OnnxExport.ToBytes(null!)).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => ((NeuralNetwork)null!).SaveOnnx("x.onnx")).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => OnnxExport.Write(Network, null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Network.SaveOnnx(null!)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_path_is_rejected_with_what_it_was(string path)
    {
        var e = Assert.Throws<ArgumentException>(() => Network.SaveOnnx(path));

        Assert.Equal("path", e.ParamName);
        Assert.StartsWith($"path must name a file, but was '{path}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_stream_is_rejected()
    {
        using var stream = new MemoryStream([], writable: false);

        var e = Assert.Throws<ArgumentException>(() => OnnxExport.Write(Network, stream));

        Assert.Equal("stream", e.ParamName);
        Assert.StartsWith("stream must be writable, but was a read-only MemoryStream.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_in_a_folder_that_does_not_exist_gets_one_line_naming_the_path()
    {
        var path = Path.Combine(folder, "no-such-folder", "model.onnx");

        var e = Assert.Throws<IOException>(() => Network.SaveOnnx(path));

        Assert.StartsWith($"Can't save the ONNX model to '{path}': ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsType<DirectoryNotFoundException>(e.InnerException);
    }

    [Fact]
    public void A_path_that_is_a_folder_gets_one_line_naming_the_path()
    {
        var e = Assert.Throws<IOException>(() => Network.SaveOnnx(folder));

        Assert.StartsWith($"Can't save the ONNX model to '{folder}': ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_custom_activation_is_rejected_by_name_and_leaves_an_existing_file_as_it_was()
    {
        var swish = new Activation("swish", z => z / (1 + Math.Exp(-z)), _ => 1);
        var network = new NeuralNetwork([
            new DenseLayer(Matrix<double>.Build.Dense(2, 3, 0.5), Matrix<double>.Build.Dense(1, 3), Activation.Tanh),
            new DenseLayer(Matrix<double>.Build.Dense(3, 1, 0.5), Matrix<double>.Build.Dense(1, 1), swish),
        ]);
        var path = Path.Combine(folder, "model.onnx");
        File.WriteAllText(path, "an older model");

        var e = Assert.Throws<ArgumentException>(() => network.SaveOnnx(path));

        Assert.Equal("network", e.ParamName);
        Assert.StartsWith(
            "network.Layers[1].Activation must be one of sigmoid, tanh, relu, leaky-relu, linear, softmax to be exported to ONNX, but was a custom activation named 'swish'.",
            e.Message, StringComparison.Ordinal);
        Assert.Equal("an older model", File.ReadAllText(path));
    }
}
