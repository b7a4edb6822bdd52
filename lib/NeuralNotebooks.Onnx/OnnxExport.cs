using System.Globalization;
using Google.Protobuf;
using NeuralNotebooks.Network;
using Onnx;

namespace NeuralNotebooks.Onnx;

/// <summary>
/// Writes a trained <see cref="NeuralNetwork"/> as an ONNX model, which ONNX Runtime and ML.NET can run.
/// </summary>
/// <remarks>
/// Each layer becomes a Gemm node, Z = A · W + b (the weights and biases stored as constants named W1, b1, W2, …),
/// followed by its activation's nodes (see the activations' own notes: the blog's sigmoid clips z to ±250 first).
/// Everything is float64, as in the library, so ONNX Runtime gives the library's predictions to within rounding.
/// The input is named <c>input</c> and has the shape [batch, inputs]; the output is named <c>output</c>, [batch,
/// outputs]; the batch size is left open, so one model takes any number of rows. The model records its producer
/// (NeuralNotebooks and its version), a description of the network, and its layer sizes and activations.
/// </remarks>
public static class OnnxExport
{
    /// <summary>The name of the model's input: a float64 tensor [batch, inputs], one example per row.</summary>
    public const string InputName = "input";

    /// <summary>The name of the model's output: a float64 tensor [batch, outputs], one row per example.</summary>
    public const string OutputName = "output";

    /// <summary>The name of the open batch dimension of the input and output.</summary>
    public const string BatchDimension = "batch";

    /// <summary>The ONNX operator set the model uses (every operator in it has a float64 kernel in ONNX Runtime's CPU provider).</summary>
    public const int OpsetVersion = 13;

    /// <summary>The ONNX file format (IR) version that goes with operator set 13.</summary>
    public const long IrVersion = 7;

    /// <summary>The producer name written into every model.</summary>
    public const string ProducerName = "NeuralNotebooks";

    /// <summary>The version of the NeuralNotebooks library, written into every model as its producer version.</summary>
    public static string LibraryVersion { get; } = typeof(NeuralNetwork).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The network as an ONNX model, to inspect (its graph's nodes, its constants) or to write.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">A layer's activation is not one of the library's own (a custom <c>Activation</c>).</exception>
    public static ModelProto ToModel(NeuralNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckActivations(network);
        var graph = new OnnxGraphBuilder();
        graph.Input(InputName, network.Layers[0].Inputs);
        var a = InputName;
        for (var l = 1; l <= network.Layers.Count; l++)
        {
            var layer = network.Layers[l - 1];
            var weights = graph.Constant($"W{l}", layer.Weights);
            var bias = graph.Constant($"b{l}", layer.Bias.Row(0));
            var z = graph.Node("Gemm", $"layer{l}_gemm", [a, weights, bias], $"Z{l}");
            var output = l == network.Layers.Count ? OutputName : $"A{l}";
            OnnxActivations.Apply(graph, layer.Activation, $"layer{l}", z, output);
            a = output;
        }
        graph.Output(OutputName, network.Layers[^1].Outputs);
        graph.Graph.Name = $"NeuralNotebooks {Sizes(network)}";
        return Model(network, graph.Graph);
    }

    /// <summary>The network as the bytes of an .onnx file.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">A layer's activation is not one of the library's own.</exception>
    public static byte[] ToBytes(NeuralNetwork network) => ToModel(network).ToByteArray();

    /// <summary>Writes the network, as the bytes of an .onnx file, to <paramref name="stream"/> (which stays open).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written to, or a layer's activation is not one of the library's own.</exception>
    public static void Write(NeuralNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException($"stream must be writable, but was a read-only {stream.GetType().Name}.", nameof(stream));
        }
        ToModel(network).WriteTo(stream);
    }

    /// <summary>
    /// Saves the network as an ONNX model at <paramref name="path"/> (usually ending in .onnx), replacing any file there.
    /// </summary>
    /// <remarks>The whole model is built before the file is touched: a network that cannot be exported leaves the file as it was.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or a layer's activation is not one of the library's own.</exception>
    /// <exception cref="IOException">The file cannot be written (its folder does not exist, access is denied, the disk is full); the message names the path.</exception>
    public static void SaveOnnx(this NeuralNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"path must name a file, but was '{path}'.", nameof(path));
        }
        var bytes = ToBytes(network);
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new IOException($"Can't save the ONNX model to '{path}': {OneLine(e.Message)}", e);
        }
    }

    /// <summary>A one-line description of the network for the model's doc string: sizes, layers and activations, input and output.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public static string Describe(NeuralNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.Layers.Select((layer, i) => $"layer {i + 1} {layer.Inputs}→{layer.Outputs} {layer.Activation.Name}");
        return string.Create(CultureInfo.InvariantCulture,
            $"A {Sizes(network)} network exported by {ProducerName} {LibraryVersion}: {string.Join(", ", layers)}. " +
            $"Each layer computes Z = A·W + b, then its activation (sigmoid clips z to ±250 first). " +
            $"Input '{InputName}': float64 [{BatchDimension}, {network.Layers[0].Inputs}]; " +
            $"output '{OutputName}': float64 [{BatchDimension}, {network.Layers[^1].Outputs}].");
    }

    private static ModelProto Model(NeuralNetwork network, GraphProto graph)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = LibraryVersion,
            DocString = Describe(network),
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "layer_sizes", Value = string.Join(",", network.Sizes) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "activations", Value = string.Join(",", network.Layers.Select(l => l.Activation.Name)) });
        return model;
    }

    private static void CheckActivations(NeuralNetwork network)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var activation = network.Layers[i].Activation;
            if (!OnnxActivations.CanWrite(activation))
            {
                throw new ArgumentException(
                    $"network.Layers[{i}].Activation must be one of {string.Join(", ", OnnxActivations.Supported.Select(a => a.Name))} " +
                    $"to be exported to ONNX, but was a custom activation named '{activation.Name}'.", nameof(network));
            }
        }
    }

    private static string Sizes(NeuralNetwork network) => string.Join("-", network.Sizes);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
