namespace NeuralNotebooks.Training;

/// <summary>What one epoch of training did, passed to the per-epoch callback.</summary>
/// <param name="Epoch">The epoch's number, counting from 0 as the blog does.</param>
/// <param name="Epochs">How many epochs the training runs in all.</param>
/// <param name="Loss">The loss of this epoch's forward pass, before its update.</param>
public sealed record EpochReport(int Epoch, int Epochs, double Loss);
