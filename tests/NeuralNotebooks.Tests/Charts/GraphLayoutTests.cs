using NeuralNotebooks.Autograd;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Charts;

public class GraphLayoutTests
{
    [Fact]
    public void Every_node_is_right_of_its_inputs_and_the_output_alone_in_the_last_column()
    {
        var error = new BlogErrorFromValues(new SimpleNeuralNetwork(4, 42), Xor.Inputs, Xor.Targets).E;

        var placed = GraphLayout.Place(error);
        var column = placed.ToDictionary(p => p.Node, p => p.Column);

        Assert.Equal(error.TopologicalOrder().Count, placed.Count);
        Assert.All(placed, p => Assert.All(p.Node.Inputs, input => Assert.True(column[input] < p.Column)));
        Assert.Same(error, Assert.Single(placed, p => p.Column == placed.Max(q => q.Column)).Node);
    }

    [Fact]
    public void Nodes_in_one_column_are_at_least_a_row_apart_and_a_single_input_sits_level_with_its_result()
    {
        var z = new Value(1, "z");
        var a = z.Sigmoid();
        var output = a * new Value(2, "w") + new Value(3, "b");

        var placed = GraphLayout.Place(output);

        foreach (var columnNodes in placed.GroupBy(p => p.Column))
        {
            var rows = columnNodes.Select(p => p.Row).Order().ToList();
            Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 1 - 1e-12));
        }
        Assert.Equal(placed.Single(p => p.Node == a).Row, placed.Single(p => p.Node == z).Row);
    }
}
