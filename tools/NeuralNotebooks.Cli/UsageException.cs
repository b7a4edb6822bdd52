namespace NeuralNotebooks.Cli;

/// <summary>
/// The command line parsed but makes no sense: a combination of options that cannot work, or a value that matches
/// nothing. Its message is the one line the user sees, naming the option and the value.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
