using System.CommandLine;
using NeuralNotebooks.Runner.Scripts;

namespace NeuralNotebooks.Cli;

/// <summary>
/// <c>script</c>: writes notebooks as C# file-based apps (<c>dotnet run NAME.cs</c>, .NET 10), so the lessons run with no
/// notebook host at all (<see cref="ScriptExport"/>).
/// </summary>
internal sealed class ScriptCommand : Command
{
    private readonly Argument<string[]> _notebooks = new("notebooks")
    {
        Description = "the notebooks to write as apps (.ipynb)",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly CliOption<string> _output = new("--output", "the folder for the apps (created if missing); each app is NAME.cs there")
    {
        HelpName = "DIR",
        Required = true,
        Parameter = "outputFolder",
    };

    public ScriptCommand()
        : base("script", "Writes each notebook as a C# file-based app: run it with 'dotnet run NAME.cs' in DIR, no notebook host needed. " +
                         "It prints what the notebook's cells display and saves each chart as an HTML page beside it.")
    {
        Arguments.Add(_notebooks);
        Options.Add(_output);
        SetAction(result => Write(result.GetRequiredValue(_notebooks), result.GetRequiredValue(_output), result.InvocationConfiguration.Output));
    }

    private static int Write(IReadOnlyList<string> notebooks, string outputFolder, TextWriter output)
    {
        foreach (var notebook in notebooks)
        {
            string app;
            try
            {
                app = ScriptExport.Write(notebook, outputFolder);
            }
            catch (NotSupportedException e)
            {
                throw new UsageException(e.Message);
            }
            output.WriteLine($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), app)}");
        }
        var folder = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(outputFolder));
        var first = Path.GetFileNameWithoutExtension(notebooks[0]);
        output.WriteLine($"Run {(notebooks.Count == 1 ? "it" : "one")}: cd {folder} && dotnet run {first}.cs");
        return 0;
    }
}
