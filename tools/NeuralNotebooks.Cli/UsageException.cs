namespace NeuralNotebooks.Cli;

/// <summary>The command line itself is wrong: an unknown verb or option, or a value that is not a number.</summary>
internal sealed class UsageException(string message) : Exception(message);
