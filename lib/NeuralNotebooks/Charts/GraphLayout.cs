using NeuralNotebooks.Autograd;

namespace NeuralNotebooks.Charts;

/// <summary>Where one node of a computation graph goes: its column (0 leftmost) and its row (0 the output's row, may be fractional).</summary>
internal sealed record PlacedNode(Value Node, int Column, double Row);

/// <summary>
/// Lays a computation graph out left to right, as graphviz's "dot" would: columns by distance from the output (the
/// output alone in the rightmost column), and within a column rows chosen so that edges stay short and straight.
/// </summary>
internal static class GraphLayout
{
    /// <summary>Every node of <paramref name="output"/>'s graph, placed; in topological order (leaves first, the output last).</summary>
    public static IReadOnlyList<PlacedNode> Place(Value output)
    {
        var order = output.TopologicalOrder();
        var index = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < order.Count; i++)
        {
            index[order[i]] = i;
        }
        // A node's rank is its longest distance to the output, so it sits just left of the last node it feeds:
        // a constant such as a target y appears next to where it is used, not far away with the inputs.
        var rank = new int[order.Count];
        for (var i = order.Count - 1; i >= 0; i--)
        {
            foreach (var input in order[i].Inputs)
            {
                rank[index[input]] = Math.Max(rank[index[input]], rank[i] + 1);
            }
        }
        var rows = Rows(order, index, rank);
        var lastColumn = rank.Max();
        return order.Select((node, i) => new PlacedNode(node, lastColumn - rank[i], rows[i])).ToList();
    }

    /// <summary>
    /// Each node's row: column by column from the output leftwards, every node as close as possible to the mean row of
    /// the nodes it feeds (so a node feeding one other sits level with it), at least one row from its neighbours.
    /// </summary>
    private static double[] Rows(IReadOnlyList<Value> order, Dictionary<Value, int> index, int[] rank)
    {
        var rows = new double[order.Count];
        var consumers = Enumerable.Range(0, order.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var input in order[i].Inputs)
            {
                consumers[index[input]].Add(i);
            }
        }
        foreach (var column in Enumerable.Range(0, order.Count).GroupBy(i => rank[i]).OrderBy(g => g.Key).Skip(1))
        {
            var wanted = column.Select(i => (Node: i, Row: consumers[i].Average(c => rows[c]))).OrderBy(n => n.Row).ToList();
            var placed = new double[wanted.Count];
            for (var k = 0; k < wanted.Count; k++)
            {
                placed[k] = k == 0 ? wanted[k].Row : Math.Max(wanted[k].Row, placed[k - 1] + 1);
            }
            // Pushing neighbours apart moved the column down; centre it back on where its nodes wanted to be.
            var shift = wanted.Average(n => n.Row) - placed.Average();
            for (var k = 0; k < wanted.Count; k++)
            {
                rows[wanted[k].Node] = placed[k] + shift;
            }
        }
        return rows;
    }
}
