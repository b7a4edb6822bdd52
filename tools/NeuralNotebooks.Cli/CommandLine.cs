using System.CommandLine;
using System.CommandLine.Help;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary>
/// The <c>neuralnotebooks</c> command on System.CommandLine: its verbs, and one rule for everything that goes wrong:
/// one line on standard error that names the option and the value, no stack trace, and an exit code that says what kind
/// of failure it was.
/// </summary>
/// <remarks>
/// To add a verb, write a <see cref="Command"/> subclass in a file of its own (see <see cref="XorCommand"/>) and list it in
/// <see cref="Create"/>. Its options are <see cref="CliOption{T}"/> fields, which parse with this CLI's messages.
/// </remarks>
internal static class CommandLine
{
    /// <summary>The command line was wrong: an unknown option, a missing or malformed value, a value out of range.</summary>
    public const int UsageError = 2;

    /// <summary>The input was valid but the work failed: training diverged, a notebook failed to run, or a file could not be written.</summary>
    public const int Failed = 1;

    /// <summary>The program's name, as help, errors and tab completion show it.</summary>
    public const string Name = "neuralnotebooks";

    /// <summary>The root command with every verb.</summary>
    public static RootCommand Create() => new("Learn how a neural network really works: run the course's notebooks (or write them as C# apps), the blog's XOR program, or train any network.")
    {
        new RunCommand(),
        new ScriptCommand(),
        new TrainCommand(),
        new XorCommand(),
    };

    /// <summary>Runs the command line to the end, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error) =>
        RunAsync(arguments, output, error).GetAwaiter().GetResult();

    /// <summary>
    /// Parses and runs the command line. Ctrl-C and SIGTERM cancel the running verb (System.CommandLine passes it a
    /// cancellation token), so that <c>run</c> can stop its kernel before the process ends.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var root = Create();
        if (arguments.Count == 0)
        {
            WriteHelp(root.Parse(["--help"]), output);
            return UsageError;
        }
        var result = root.Parse(arguments[0] == "help" ? ["--help", .. arguments.Skip(1)] : arguments);
        if (result.Errors.Count > 0)
        {
            return Fail(error, ParseErrors.Describe(result), UsageError);
        }
        if (result.Action is HelpAction)
        {
            WriteHelp(result, output);
            return 0;
        }
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        // When two options feed parameters of the same name (--data and --csv both give a loader its path), the one typed wins.
        var options = result.CommandResult.Command.Options.OfType<ICliOption>().OrderBy(o => result.GetResult(o.Name) is System.CommandLine.Parsing.OptionResult { Implicit: false } ? 0 : 1).ToList();
        try
        {
            return await result.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return Fail(error, e.Message, UsageError);
        }
        catch (ArgumentException e)
        {
            return Fail(error, Describe(e, options), UsageError);
        }
        catch (FileNotFoundException e)
        {
            return Fail(error, WithOption(e.Message, FileParameter(e.Message, options), options), UsageError);
        }
        catch (InvalidDataException e)
        {
            return Fail(error, e.Message, UsageError);
        }
        catch (DirectoryNotFoundException e)
        {
            return Fail(error, e.Message, UsageError);
        }
        catch (OutOfMemoryException)
        {
            return Fail(error, $"the sizes given ({string.Join(", ", GivenOptions(result, options))}) need more memory than this machine has", UsageError);
        }
        catch (TrainingDivergedException e)
        {
            return Fail(error, e.Message, Failed);
        }
        catch (IOException e)
        {
            return Fail(error, e.Message.ReplaceLineEndings(" "), Failed);
        }
    }

    /// <summary>The exception's own sentence, with the library's parameter name swapped for the option the user typed.</summary>
    internal static string Describe(ArgumentException e, IReadOnlyCollection<ICliOption> options)
    {
        var message = e.Message.Split('\n')[0];
        var suffix = $" (Parameter '{e.ParamName}')";
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }
        return e.ParamName is null ? message : WithOption(message, e.ParamName, options);
    }

    /// <summary>
    /// A message about a library parameter, told in terms of the option the user typed: "hiddenUnits must be…" becomes
    /// "--hidden must be…", and a message that does not start with the parameter's name is prefixed with the option.
    /// </summary>
    private static string WithOption(string message, string parameter, IEnumerable<ICliOption> options)
    {
        if (options.FirstOrDefault(o => o.Feeds(parameter)) is not { } option)
        {
            return message;
        }
        var startsWithParameter = message.StartsWith(parameter, StringComparison.Ordinal)
                                  && (message.Length == parameter.Length || !char.IsLetterOrDigit(message[parameter.Length]));
        return startsWithParameter ? option.Name + message[parameter.Length..] : $"{option.Name}: {message}";
    }

    /// <summary>
    /// The parameter a missing-file message is about: the library's messages start with it ("folder must hold…"), and
    /// a message that starts with no option's parameter is about a path.
    /// </summary>
    private static string FileParameter(string message, IEnumerable<ICliOption> options)
    {
        var first = message.Split(' ')[0];
        return options.Any(o => o.Feeds(first)) ? first : "path";
    }

    private static IEnumerable<string> GivenOptions(ParseResult result, IEnumerable<ICliOption> options) =>
        options.Select(o => result.GetResult(o.Name)).OfType<System.CommandLine.Parsing.OptionResult>().Where(r => !r.Implicit)
            .Select(r => $"{r.IdentifierToken?.Value} {string.Join(" ", r.Tokens.Select(t => t.Value))}");

    /// <summary>
    /// System.CommandLine's help, with usage lines under the name users type: it takes the executable's file name, which
    /// is the assembly's (NeuralNotebooks.Cli; testhost under a test), and its help layout is not public in version 2.
    /// </summary>
    private static void WriteHelp(ParseResult help, TextWriter output)
    {
        using var text = new StringWriter();
        help.Invoke(new InvocationConfiguration { Output = text });
        output.Write(text.ToString().Replace($"  {help.RootCommandResult.Command.Name} ", $"  {Name} ", StringComparison.Ordinal));
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine($"{Name}: {message}");
        return exitCode;
    }
}
