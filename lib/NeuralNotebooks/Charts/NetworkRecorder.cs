using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Charts;

/// <summary>
/// Keeps a network's weights every few epochs while it trains, and the loss of every epoch, for
/// <see cref="Charts.NetworkTraining"/>: create it just before training (it keeps the starting weights as
/// epoch 0), then pass <see cref="Record"/> as the training's per-epoch callback.
/// </summary>
public sealed class NetworkRecorder
{
    private readonly int _every;
    private readonly List<NetworkSnapshot> _snapshots = [];
    private readonly List<double> _losses = [];

    /// <summary>Records <paramref name="network"/> every <paramref name="every"/> epochs; <paramref name="loss"/> names the loss on the chart.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is below 1.</exception>
    public NetworkRecorder(NeuralNetwork network, int every, Loss? loss = null)
    {
        Guard.NotNull(network, nameof(network));
        Guard.AtLeast(every, 1, nameof(every));
        (Network, _every, LossName) = (network, every, loss?.LongName);
        _snapshots.Add(Snapshot(epoch: 0));
    }

    /// <summary>Records the blog's network (its loss: mean squared error) every <paramref name="every"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is below 1.</exception>
    public NetworkRecorder(SimpleNeuralNetwork network, int every)
        : this((network ?? throw new ArgumentNullException(nameof(network))).Network, every, Loss.MeanSquaredError)
    {
    }

    /// <summary>The network being recorded.</summary>
    public NeuralNetwork Network { get; }

    /// <summary>What the losses measure, for the chart's label, or null when not given.</summary>
    public string? LossName { get; }

    /// <summary>The weights kept so far: the start (epoch 0), every <c>every</c> epochs, and the last epoch.</summary>
    public IReadOnlyList<NetworkSnapshot> Snapshots => _snapshots;

    /// <summary>The loss of every epoch recorded so far (Losses[e] as <see cref="EpochReport.Loss"/> gave it for epoch e).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The per-epoch callback: keeps the loss, and the weights after every <c>every</c>-th epoch and after the last.</summary>
    public void Record(EpochReport report)
    {
        Guard.NotNull(report, nameof(report));
        _losses.Add(report.Loss);
        var trained = report.Epoch + 1;
        if (trained % _every == 0 || trained == report.Epochs)
        {
            _snapshots.Add(Snapshot(trained));
        }
    }

    private NetworkSnapshot Snapshot(int epoch) =>
        new(epoch, Network.Layers.Select(l => l.Weights.Clone()).ToList(), Network.Layers.Select(l => l.Bias.Clone()).ToList());
}

/// <summary>A network's weights and biases, layer by layer, after <paramref name="Epoch"/> epochs of training.</summary>
public sealed record NetworkSnapshot(int Epoch, IReadOnlyList<Matrix<double>> Weights, IReadOnlyList<Matrix<double>> Biases);
