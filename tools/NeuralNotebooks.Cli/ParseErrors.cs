using System.CommandLine;

namespace NeuralNotebooks.Cli;

/// <summary>
/// System.CommandLine's parse errors as one line that names the option or word at fault, in this CLI's words:
/// unknown commands and options, missing or repeated values, required options, values that do not parse.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The first thing wrong with the command line (the user fixes one thing at a time).</summary>
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        if (result.UnmatchedTokens is [var first, ..])
        {
            return (command is RootCommand, first.StartsWith('-')) switch
            {
                (true, false) => $"unknown command '{first}' (try --help)",
                (_, true) => $"unknown option '{first}' (try '{Usage(command)} --help')",
                _ => $"unexpected argument '{first}' (try '{Usage(command)} --help')",
            };
        }
        if (command.Options.FirstOrDefault(o => o.Required && result.GetResult(o) is not { IdentifierToken: not null }) is { } required)
        {
            return $"{required.Name} is required ({required.Description})";
        }
        if (command is RootCommand && result.Errors.Count > 0)
        {
            return "a command is required (try --help)";
        }
        var error = result.Errors[0];
        return error.SymbolResult is System.CommandLine.Parsing.OptionResult option
            ? option.Tokens.Count switch
            {
                0 => $"{option.Option.Name} needs a value",
                > 1 => $"{option.Option.Name} is given twice ('{string.Join("' and '", option.Tokens.Select(t => t.Value))}')",
                _ => FirstLine(error.Message),
            }
            : FirstLine(error.Message);
    }

    private static string Usage(Command command) => command is RootCommand ? CommandLine.Name : $"{CommandLine.Name} {command.Name}";

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('.', '\r');
}
