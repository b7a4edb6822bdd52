using Google.Protobuf;
using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Network;
using NeuralNotebooks.Onnx;
using NeuralNotebooks.Random;
using Onnx;

namespace NeuralNotebooks.Tests.Onnx;

/// <summary>Every activation, exported and run in ONNX Runtime, gives what the library's <c>Predict</c> gives.</summary>
public class OnnxActivationsTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    public static TheoryData<string, string> EveryHiddenAndOutputActivation()
    {
        var data = new TheoryData<string, string>();
        foreach (var hidden in Activation.All)
        {
            foreach (var output in Activation.All)
            {
                data.Add(hidden.Name, output.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryHiddenAndOutputActivation))]
    public void A_network_with_two_hidden_layers_gives_the_librarys_outputs_in_onnx_runtime(string hidden, string output)
    {
        // The blog's uniform(−1, 1) draw gives every bias a value, so the biases are tested too.
        var network = NeuralNetwork.Create([5, 16, 8, 4], Activation.Parse(hidden), Activation.Parse(output), Initializer.Uniform, seed: 3);
        var X = new NumpyRandom(7).Uniform(-4, 4, 300, 5);
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(network));

        OnnxAgreement.AssertAgree(network.Predict(X), onnx.Predict(X));
    }

    [Fact]
    public void A_sigmoid_is_clipped_to_plus_or_minus_250_before_it_as_the_library_does()
    {
        var network = NeuralNetwork.Create([2, 3, 1], Activation.Sigmoid, Activation.Sigmoid, seed: 1);

        var model = OnnxExport.ToModel(network);
        var nodes = model.Graph.Node.ToList();

        foreach (var sigmoid in nodes.Where(n => n.OpType == "Sigmoid"))
        {
            var clip = Assert.Single(nodes, n => n.Output.Contains(sigmoid.Input[0]));
            Assert.Equal("Clip", clip.OpType);
            Assert.Equal([-250.0, 250.0], clip.Input.Skip(1).Select(name => ScalarNamed(model, name)));
        }
        Assert.Equal(2, nodes.Count(n => n.OpType == "Sigmoid"));
    }

    [Fact]
    public void Weighted_sums_far_beyond_the_clip_give_the_librarys_saturated_sigmoid()
    {
        var network = new NeuralNetwork([new DenseLayer(M.Dense(1, 1, 1), M.Dense(1, 1, 0), Activation.Sigmoid)]);
        var X = M.DenseOfColumnArrays([-1e6, -300, -250, -37, -1, 0, 1, 37, 250, 300, 1e6]);
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(network));

        var outputs = onnx.Predict(X);

        OnnxAgreement.AssertAgree(network.Predict(X), outputs);
        Assert.Equal(1.0, outputs[X.RowCount - 1, 0]);
        Assert.Equal(0.0, outputs[0, 0]); // ONNX Runtime's float64 sigmoid is 1 − 1/(1 + e^z) below 0: exactly 0 where the library gives σ(−250) = 2.7e-109
    }

    [Fact]
    public void Leaky_relu_keeps_its_slope_of_0_01_exactly_as_max_of_z_and_0_01_z()
    {
        var network = new NeuralNetwork([new DenseLayer(M.Dense(1, 1, 1), M.Dense(1, 1, 0), Activation.LeakyReLU)]);
        var X = M.DenseOfColumnArrays([-7.3, -1, -1e-3, 0, 2.5]);
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(network));

        Assert.Equal(X.Map(z => z > 0 ? z : 0.01 * z), onnx.Predict(X)); // Gemm by 1 plus 0, Mul and Max round nothing: exact
        Assert.Equal(["Gemm", "Mul", "Max"], OnnxExport.ToModel(network).Graph.Node.Select(n => n.OpType));
    }

    [Fact]
    public void Onnxs_own_leaky_relu_with_its_float32_slope_would_be_caught_by_the_comparison()
    {
        var network = NeuralNetwork.Create([5, 16, 4], Activation.LeakyReLU, Activation.LeakyReLU, Initializer.Uniform, seed: 3);
        var X = new NumpyRandom(7).Uniform(-4, 4, 50, 5);
        var model = OnnxExport.ToModel(network);
        ReplaceMaxWithOnnxLeakyRelu(model);
        using var onnx = new OnnxRuntimeModel(model.ToByteArray());

        Assert.True(OnnxAgreement.LargestDifference(network.Predict(X), onnx.Predict(X)) > 100 * OnnxAgreement.Tolerance);
    }

    [Fact]
    public void Softmax_is_taken_over_each_row_so_every_row_of_outputs_adds_up_to_one()
    {
        var network = NeuralNetwork.Create([5, 8, 6], Activation.Tanh, Activation.Softmax, Initializer.Uniform, seed: 3);
        var X = new NumpyRandom(7).Uniform(-4, 4, 20, 5);
        using var onnx = new OnnxRuntimeModel(OnnxExport.ToBytes(network));

        var outputs = onnx.Predict(X);

        Assert.All(outputs.RowSums(), sum => Assert.Equal(1.0, sum, 1e-15));
        Assert.Equal(1, Assert.Single(OnnxExport.ToModel(network).Graph.Node, n => n.OpType == "Softmax").Attribute.Single(a => a.Name == "axis").I);
    }

    private static double ScalarNamed(ModelProto model, string name)
    {
        var tensor = Assert.Single(model.Graph.Initializer, t => t.Name == name);
        Assert.Empty(tensor.Dims);
        return Assert.Single(tensor.DoubleData);
    }

    /// <summary>The mistake the export avoids: ONNX's LeakyRelu (float64 only from opset 16), whose alpha is a float32.</summary>
    private static void ReplaceMaxWithOnnxLeakyRelu(ModelProto model)
    {
        var nodes = model.Graph.Node;
        foreach (var max in nodes.Where(n => n.OpType == "Max").ToList())
        {
            var leaky = new NodeProto { OpType = "LeakyRelu", Name = max.Name };
            leaky.Input.Add(max.Input[0]);
            leaky.Output.Add(max.Output[0]);
            leaky.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = (float)Activation.LeakySlope });
            nodes[nodes.IndexOf(max)] = leaky;
        }
        model.OpsetImport[0].Version = 16;
    }
}
