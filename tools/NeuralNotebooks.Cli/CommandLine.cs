using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary>
/// The <c>neuralnotebooks</c> command: picks the verb, runs it, and turns every bad input into one
/// line on standard error and exit code 2, with no stack trace.
/// </summary>
internal static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>The input was valid but training diverged (the loss or a weight stopped being finite).</summary>
    public const int TrainingFailed = 1;

    public const string Usage = """
        Usage: neuralnotebooks <command> [options]

        Commands:
          run     run every notebook in the stock kernel; write executed notebooks and HTML pages (the main job)
          train   train any data set, architecture and optimiser, with progress and the final accuracy
          xor     the blog's XOR program, printing what its Python prints
        Run 'neuralnotebooks <command> --help' for a command's options.
        """;

    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Count == 0 || arguments[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return arguments.Count == 0 ? UsageError : 0;
        }
        var (verb, rest) = (arguments[0], arguments.Skip(1).ToList());
        var (usage, command, optionNames) = verb switch
        {
            "xor" => (XorCommand.Usage, (Func<IReadOnlyList<string>, TextWriter, int>)XorCommand.Run, XorCommand.OptionForParameter),
            "run" => (RunCommand.Usage, RunCommand.Run, new Dictionary<string, string>()),
            "train" => (TrainCommand.Usage, TrainCommand.Run, TrainCommand.OptionForParameter),
            _ => default,
        };
        if (command is null)
        {
            return Fail(error, $"unknown command '{verb}' (try --help)");
        }
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            output.WriteLine(usage);
            return 0;
        }
        try
        {
            return command(rest, output);
        }
        catch (UsageException e)
        {
            return Fail(error, e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail(error, Describe(e, optionNames));
        }
        catch (FileNotFoundException e)
        {
            return Fail(error, WithOption(e.Message, "path", optionNames));
        }
        catch (InvalidDataException e)
        {
            return Fail(error, e.Message);
        }
        catch (TrainingDivergedException e)
        {
            error.WriteLine($"neuralnotebooks: {e.Message}");
            return TrainingFailed;
        }
    }

    /// <summary>The exception's own sentence, with the library's parameter name swapped for the option the user typed.</summary>
    internal static string Describe(ArgumentException e, IReadOnlyDictionary<string, string> optionForParameter)
    {
        var message = e.Message.Split('\n')[0];
        var suffix = $" (Parameter '{e.ParamName}')";
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }
        return e.ParamName is null ? message : WithOption(message, e.ParamName, optionForParameter);
    }

    /// <summary>A message that starts with a library parameter's name, starting instead with the option the user typed.</summary>
    private static string WithOption(string message, string parameter, IReadOnlyDictionary<string, string> optionForParameter) =>
        optionForParameter.TryGetValue(parameter, out var option) && message.StartsWith(parameter + " ", StringComparison.Ordinal)
            ? option + message[parameter.Length..]
            : message;

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"neuralnotebooks: {message}");
        return UsageError;
    }
}
