using MathNet.Numerics.LinearAlgebra;
using Onnx;

namespace NeuralNotebooks.Onnx;

/// <summary>Collects the nodes and constant tensors of an ONNX graph, all of them float64.</summary>
internal sealed class OnnxGraphBuilder
{
    private static readonly int Float64 = (int)TensorProto.Types.DataType.Double;

    public GraphProto Graph { get; } = new();

    /// <summary>Adds a node computing <paramref name="output"/> from <paramref name="inputs"/>, and returns the output's name.</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Adds a matrix as a constant tensor of its shape, entries row by row (ONNX's order), and returns its name.</summary>
    public string Constant(string name, Matrix<double> matrix)
    {
        var tensor = new TensorProto { Name = name, DataType = Float64 };
        tensor.Dims.Add([matrix.RowCount, matrix.ColumnCount]);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            tensor.DoubleData.Add(matrix.Row(i));
        }
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a row of numbers as a one-dimensional constant tensor, and returns its name.</summary>
    public string Constant(string name, IEnumerable<double> values)
    {
        var tensor = new TensorProto { Name = name, DataType = Float64 };
        tensor.DoubleData.Add(values);
        tensor.Dims.Add(tensor.DoubleData.Count);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a single number as a scalar (zero-dimensional) constant tensor, and returns its name.</summary>
    public string Scalar(string name, double value)
    {
        var tensor = new TensorProto { Name = name, DataType = Float64 };
        tensor.DoubleData.Add(value);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Declares a float64 input of shape [batch, <paramref name="width"/>], the batch size left open.</summary>
    public void Input(string name, int width) => Graph.Input.Add(BatchOf(name, width));

    /// <summary>Declares a float64 output of shape [batch, <paramref name="width"/>], the batch size left open.</summary>
    public void Output(string name, int width) => Graph.Output.Add(BatchOf(name, width));

    /// <summary>An integer attribute, such as Softmax's axis.</summary>
    public static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static ValueInfoProto BatchOf(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = OnnxExport.BatchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        var tensor = new TypeProto.Types.Tensor { ElemType = Float64, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}
