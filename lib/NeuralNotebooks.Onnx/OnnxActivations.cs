using NeuralNotebooks.Activations;

namespace NeuralNotebooks.Onnx;

/// <summary>
/// Each of the library's activations as ONNX operators that ONNX Runtime's CPU provider runs in float64 and that
/// compute what the library computes.
/// </summary>
/// <remarks>
/// Sigmoid is the blog's clipped one: Clip(z, −250, 250), then Sigmoid. Leaky ReLU is Max(z, 0.01 · z), not ONNX's
/// LeakyRelu: that operator's slope is a float32 attribute, and float32 cannot hold 0.01 (it holds
/// 0.009999999776…), so every negative output would be off by 2.2e-8 of itself; and before opset 16 ONNX Runtime
/// has no float64 LeakyRelu at all. Linear is Identity, so that every layer ends in a node of its own. Softmax is
/// taken over each row (axis 1), as the library does.
/// </remarks>
internal static class OnnxActivations
{
    private delegate void Writer(OnnxGraphBuilder graph, string prefix, string z, string output);

    private static readonly Dictionary<Activation, Writer> Writers = new()
    {
        [Activation.Sigmoid] = ClippedSigmoid,
        [Activation.Tanh] = (graph, prefix, z, output) => graph.Node("Tanh", $"{prefix}_tanh", [z], output),
        [Activation.ReLU] = (graph, prefix, z, output) => graph.Node("Relu", $"{prefix}_relu", [z], output),
        [Activation.LeakyReLU] = LeakyReLU,
        [Activation.Linear] = (graph, prefix, z, output) => graph.Node("Identity", $"{prefix}_linear", [z], output),
        [Activation.Softmax] = (graph, prefix, z, output) =>
            graph.Node("Softmax", $"{prefix}_softmax", [z], output, OnnxGraphBuilder.Attribute("axis", 1)),
    };

    /// <summary>The library's activations that can be written, in the library's order.</summary>
    public static IReadOnlyList<Activation> Supported { get; } = Activation.All.Where(Writers.ContainsKey).ToList();

    /// <summary>Whether <paramref name="activation"/> is one of the library's own, which this export can write.</summary>
    public static bool CanWrite(Activation activation) => Writers.ContainsKey(activation);

    /// <summary>
    /// Adds the nodes that apply <paramref name="activation"/> to the tensor <paramref name="z"/> and name the result
    /// <paramref name="output"/>; <paramref name="prefix"/> names the nodes and their constants ("layer1").
    /// </summary>
    public static void Apply(OnnxGraphBuilder graph, Activation activation, string prefix, string z, string output) =>
        Writers[activation](graph, prefix, z, output);

    private static void ClippedSigmoid(OnnxGraphBuilder graph, string prefix, string z, string output)
    {
        var low = graph.Scalar($"{prefix}_clip_min", -Sigmoid.Clip);
        var high = graph.Scalar($"{prefix}_clip_max", Sigmoid.Clip);
        var clipped = graph.Node("Clip", $"{prefix}_clip", [z, low, high], $"{z}_clipped");
        graph.Node("Sigmoid", $"{prefix}_sigmoid", [clipped], output);
    }

    private static void LeakyReLU(OnnxGraphBuilder graph, string prefix, string z, string output)
    {
        var slope = graph.Scalar($"{prefix}_leaky_slope", Activation.LeakySlope);
        var scaled = graph.Node("Mul", $"{prefix}_leaky_scale", [z, slope], $"{z}_scaled");
        graph.Node("Max", $"{prefix}_leaky_relu", [z, scaled], output);
    }
}
