using NeuralNotebooks.Cli;

namespace NeuralNotebooks.Tests.Cli;

/// <summary>Runs the CLI's own entry code in process, capturing what it writes.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Output, string Error) Run(string[] arguments)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = CommandLine.Run(arguments, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
