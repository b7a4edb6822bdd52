using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Network;

namespace NeuralNotebooks.Training;

/// <summary>
/// Whether a network's weighted sums on the training data stay far from overflow, whatever order their terms are added
/// in: the check that lets the trainer promise that a network it returns predicts finite numbers on the data it trained on.
/// </summary>
/// <remarks>
/// With every input at most x in size and every weight and bias at most w, layer l's weighted sums are at most
/// z_l = fanIn_l · a_(l−1) · w + w in size, where a_0 = x and a_l is the largest |f(z)| for |z| ≤ z_l (1 for sigmoid, tanh
/// and softmax, z_l itself for ReLU and linear). Every partial sum of every product is then at most z_l too, so when each
/// z_l is below <see cref="Limit"/> no engine's order of adding (nor <see cref="NeuralNetwork.Predict"/>'s) can reach
/// infinity. Any network that has trained sensibly is hundreds of orders of magnitude inside the bound.
/// </remarks>
internal sealed class OverflowBound(NeuralNetwork network, double largestInput)
{
    /// <summary>Far enough below double.MaxValue (1.8e308) that rounding in the bound's own arithmetic cannot matter.</summary>
    public const double Limit = 1e300;

    private readonly int[] _fanIns = network.Layers.Select(l => l.Inputs).ToArray();
    private readonly Activation[] _activations = network.Layers.Select(l => l.Activation).ToArray();

    /// <summary>True when weights and biases no larger than <paramref name="largestWeight"/> keep every weighted sum below the limit.</summary>
    public bool Allows(double largestWeight)
    {
        var input = largestInput;
        for (var l = 0; l < _fanIns.Length; l++)
        {
            var sum = _fanIns[l] * input * largestWeight + largestWeight;
            if (!(sum <= Limit))
            {
                return false;
            }
            if (l + 1 < _fanIns.Length)
            {
                input = _activations[l].Bound(sum);
            }
        }
        return true;
    }

    /// <summary>The largest |weight| or |bias| of the network.</summary>
    public static double LargestWeight(NeuralNetwork network) =>
        network.Layers.Max(l => Math.Max(Finite.LargestMagnitude(l.Weights), Finite.LargestMagnitude(l.Bias)));
}
