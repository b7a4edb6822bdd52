using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Random;

namespace NeuralNotebooks.Network;

/// <summary>
/// A network of fully connected layers of any sizes: the blog's network generalised. Each layer computes
/// Z = A_in · W + b and A = f(Z); backpropagation sends ∂E/∂Z back from the output, layer by layer.
/// </summary>
public sealed class NeuralNetwork
{
    /// <summary>A network made of these layers (copied); each layer's inputs must match the previous layer's outputs.</summary>
    /// <exception cref="ArgumentException">There are no layers, or two neighbours do not fit.</exception>
    public NeuralNetwork(IEnumerable<DenseLayer> layers)
        : this(CheckedCopies(layers))
    {
    }

    /// <summary>A network that takes ownership of these layers (no copies).</summary>
    /// <exception cref="ArgumentException">There are no layers, or two neighbours do not fit.</exception>
    private NeuralNetwork(List<DenseLayer> layers)
    {
        Layers = layers;
        if (Layers.Count == 0)
        {
            throw new ArgumentException("layers must hold at least one layer, but was empty.", nameof(layers));
        }
        for (var l = 1; l < Layers.Count; l++)
        {
            if (Layers[l].Inputs != Layers[l - 1].Outputs)
            {
                throw new ArgumentException(
                    $"layers[{l}] must take {Layers[l - 1].Outputs} inputs (the outputs of layers[{l - 1}]), but was {Layers[l].Inputs}.", nameof(layers));
            }
        }
    }

    /// <summary>
    /// A network with layer sizes <paramref name="sizes"/> (inputs first, outputs last), <paramref name="hidden"/>
    /// on every hidden layer and <paramref name="output"/> on the last, its weights drawn by
    /// <paramref name="initializer"/> from numpy's generator seeded with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two sizes are given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is below 1, the seed is outside 0 to 2^32 − 1, or the network is too large for this machine: a weight matrix
    /// would not fit in one array, or training it (five numbers per weight: the weight, its update, its gradient and
    /// Adam's two averages) would take more than half the memory available.
    /// </exception>
    public static NeuralNetwork Create(
        IReadOnlyList<int> sizes, Activation hidden, Activation output, Initializer? initializer = null, long seed = 42)
    {
        Guard.NotNull(sizes, nameof(sizes));
        if (sizes.Count < 2)
        {
            throw new ArgumentException($"sizes must list at least the inputs and the outputs, but had {sizes.Count} entries.", nameof(sizes));
        }
        for (var i = 0; i < sizes.Count; i++)
        {
            Guard.AtLeast(sizes[i], 1, $"sizes[{i}]");
        }
        Guard.NotNull(hidden, nameof(hidden));
        Guard.NotNull(output, nameof(output));
        var random = new NumpyRandom(seed);
        MemoryLimit.CheckNetwork(sizes, nameof(sizes), $"[{string.Join(", ", sizes)}]");
        var drawn = (initializer ?? Initializer.Uniform).Draw(sizes, random);
        return new NeuralNetwork(drawn.Select((p, l) => DenseLayer.Owning(p.Weights, p.Bias, l == drawn.Count - 1 ? output : hidden)).ToList());
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<DenseLayer> Layers { get; }

    /// <summary>The layer sizes, inputs first: for the blog's network, [2, 4, 1].</summary>
    public IReadOnlyList<int> Sizes => [Layers[0].Inputs, .. Layers.Select(l => l.Outputs)];

    /// <summary>How many weights and biases there are to learn.</summary>
    public long ParameterCount => MemoryLimit.Parameters(Sizes);

    /// <summary>Forward through every layer, keeping each Z and A.</summary>
    /// <exception cref="ArgumentException"><paramref name="X"/> has the wrong number of columns, or holds NaN or infinity.</exception>
    public NetworkPass Forward(Matrix<double> X)
    {
        CheckInputs(X);
        var activations = new List<Matrix<double>> { X };
        var sums = new List<Matrix<double>?> { null };
        foreach (var layer in Layers)
        {
            var z = layer.WeightedSums(activations[^1]);
            sums.Add(z);
            activations.Add(layer.Activation.Apply(z));
        }
        return new NetworkPass(activations, sums);
    }

    /// <summary>
    /// Backpropagation: ∂E/∂Z at the output from the loss, then back through each layer,
    /// Δ[l−1] = (Δ[l] · W[l]ᵀ) sent through f′ of layer l−1; and from the deltas every weight's gradient.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> does not fit the output, or holds NaN or infinity.</exception>
    public NetworkGradients Backward(NetworkPass pass, Matrix<double> y, Loss loss)
    {
        Guard.NotNull(pass, nameof(pass));
        Guard.NotNull(loss, nameof(loss));
        CheckTargets(pass.Input, y);
        var count = Layers.Count;
        var deltas = new Matrix<double>?[count + 1];
        var weights = new Matrix<double>?[count + 1];
        var biases = new Matrix<double>?[count + 1];
        deltas[count] = loss.OutputDelta(Layers[^1].Activation, y, pass.Output);
        for (var l = count; l >= 1; l--)
        {
            weights[l] = pass.Activations[l - 1].TransposeThisAndMultiply(deltas[l]!);
            biases[l] = deltas[l]!.SumOverRows();
            if (l > 1)
            {
                var error = deltas[l]!.TransposeAndMultiply(Layers[l - 1].Weights);
                deltas[l - 1] = Layers[l - 2].Activation.Backward(pass.Activations[l - 1], error);
            }
        }
        return new NetworkGradients(deltas, weights, biases);
    }

    /// <summary>The output for a batch of inputs.</summary>
    /// <exception cref="ArgumentException"><paramref name="X"/> has the wrong number of columns, or holds NaN or infinity.</exception>
    public Matrix<double> Predict(Matrix<double> X) => Forward(X).Output;

    /// <summary>A copy with its own weights.</summary>
    public NeuralNetwork Clone() => new(Layers);

    /// <inheritdoc />
    public override string ToString() => $"{string.Join("-", Sizes)} ({string.Join(", ", Layers.Select(l => l.Activation.Name))})";

    /// <summary>Checks X's shape and that its entries are finite numbers; returns the largest |entry|.</summary>
    internal double CheckInputs(Matrix<double> X, string name = "X")
    {
        Guard.Shape(X, null, Layers[0].Inputs, name, $"one example per row, {Layers[0].Inputs} inputs each");
        return Guard.LargestFinite(X, name);
    }

    /// <summary>Checks y's shape and that its entries are finite numbers; returns the largest |entry|.</summary>
    internal double CheckTargets(Matrix<double> X, Matrix<double> y, string name = "y")
    {
        Guard.Shape(y, X.RowCount, Layers[^1].Outputs, name, $"one row of {Layers[^1].Outputs} targets per example of X");
        return Guard.LargestFinite(y, name);
    }

    private static List<DenseLayer> CheckedCopies(IEnumerable<DenseLayer> layers)
    {
        Guard.NotNull(layers, nameof(layers));
        var copies = new List<DenseLayer>();
        foreach (var layer in layers)
        {
            Guard.NotNull(layer, nameof(layers));
            copies.Add(layer.Clone());
        }
        return copies;
    }
}
