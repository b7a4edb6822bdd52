using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Charts;

/// <summary>
/// Records a network's decision boundary every few epochs while it trains, for
/// <see cref="Charts.BoundaryAnimation"/>: pass <see cref="Record"/> as the training's per-epoch callback.
/// </summary>
public sealed class BoundaryRecorder
{
    private readonly NeuralNetwork _network;
    private readonly int _every;
    private readonly List<BoundaryFrame> _frames = [];

    /// <summary>Records <paramref name="network"/>'s predictions on <paramref name="data"/>'s plane every <paramref name="every"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> or <paramref name="resolution"/> is below 1 or 2.</exception>
    public BoundaryRecorder(NeuralNetwork network, Dataset data, int every, int resolution = 40)
    {
        Guard.NotNull(network, nameof(network));
        Guard.NotNull(data, nameof(data));
        Guard.AtLeast(every, 1, nameof(every));
        Guard.AtLeast(resolution, 2, nameof(resolution));
        (_network, Data, _every) = (network, data, every);
        (XAxis, YAxis) = Charts.Area(data.X, resolution);
    }

    /// <summary>The data whose points are drawn on every frame.</summary>
    public Dataset Data { get; }

    /// <summary>The grid's x1 values.</summary>
    public double[] XAxis { get; }

    /// <summary>The grid's x2 values.</summary>
    public double[] YAxis { get; }

    /// <summary>The frames recorded so far.</summary>
    public IReadOnlyList<BoundaryFrame> Frames => _frames;

    /// <summary>The per-epoch callback: records a frame at epoch 0, every <c>every</c> epochs, and at the last epoch.</summary>
    public void Record(EpochReport report)
    {
        Guard.NotNull(report, nameof(report));
        if (report.Epoch % _every == 0 || report.Epoch == report.Epochs - 1)
        {
            _frames.Add(new BoundaryFrame(report.Epoch + 1, Charts.PredictGrid(X => _network.Predict(X), XAxis, YAxis)));
        }
    }
}

/// <summary>The predictions over the grid after <paramref name="Epoch"/> epochs.</summary>
public sealed record BoundaryFrame(int Epoch, double[][] Predictions);
