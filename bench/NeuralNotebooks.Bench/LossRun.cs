namespace NeuralNotebooks.Bench;

/// <summary>What one timed run of a workload gave: its seconds, final loss and the bytes it allocated per epoch.</summary>
/// <param name="Seconds">Wall-clock seconds of the training calls alone.</param>
/// <param name="FinalLoss">The loss of one more forward pass after training (W3: summed over the runs).</param>
/// <param name="BytesPerEpoch">Every byte the process allocated while training, divided by the epochs trained, so setting up counts.</param>
internal sealed record LossRun(double Seconds, double FinalLoss, double BytesPerEpoch);
