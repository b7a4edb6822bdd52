using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Autograd;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Tests.Fixtures;

/// <summary>
/// The blog's summed error E = ½ Σ (y − A2)² of a 2-H-1 sigmoid network, built number by number from
/// <see cref="Value"/>s, with the gradients Backward finds for each weight gathered into matrices.
/// </summary>
internal sealed class BlogErrorFromValues
{
    public BlogErrorFromValues(SimpleNeuralNetwork network, Matrix<double> X, Matrix<double> y)
    {
        (W1, b1, W2, b2) = (Leaves(network.Weights1), Leaves(network.Bias1), Leaves(network.Weights2), Leaves(network.Bias2));
        var squares = Enumerable.Range(0, X.RowCount).Select(n =>
        {
            var hidden = Enumerable.Range(0, network.HiddenUnits)
                .Select(j => (X[n, 0] * W1[0, j] + X[n, 1] * W1[1, j] + b1[0, j]).Sigmoid()).ToList();
            var output = hidden.Select((h, j) => h * W2[j, 0]).Aggregate((s, t) => s + t) + b2[0, 0];
            var error = y[n, 0] - output.Sigmoid();
            return error * error;
        });
        E = 0.5 * squares.Aggregate((s, t) => s + t);
        E.Backward();
    }

    public Value E { get; }

    public Value[,] W1 { get; }

    public Value[,] b1 { get; }

    public Value[,] W2 { get; }

    public Value[,] b2 { get; }

    /// <summary>The gradients Backward left on the weights, shaped as the network's <see cref="Gradients"/>.</summary>
    public Gradients Gradients => new(GradientsOf(W1), GradientsOf(b1), GradientsOf(W2), GradientsOf(b2));

    /// <summary>The largest |difference| between these gradients and <paramref name="other"/>, over all 4 matrices.</summary>
    public double LargestDifference(Gradients other) =>
        new[] { (Gradients.Weights1, other.Weights1), (Gradients.Bias1, other.Bias1), (Gradients.Weights2, other.Weights2), (Gradients.Bias2, other.Bias2) }
            .Max(pair => (pair.Item1 - pair.Item2).Enumerate().Max(Math.Abs));

    private static Value[,] Leaves(Matrix<double> matrix)
    {
        var leaves = new Value[matrix.RowCount, matrix.ColumnCount];
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                leaves[i, j] = new Value(matrix[i, j]);
            }
        }
        return leaves;
    }

    private static Matrix<double> GradientsOf(Value[,] leaves) =>
        Matrix<double>.Build.Dense(leaves.GetLength(0), leaves.GetLength(1), (i, j) => leaves[i, j].Gradient);
}
