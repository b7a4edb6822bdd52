using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Runner.Scripts;
using NeuralNotebooks.Tests.Notebooks;

namespace NeuralNotebooks.Tests.Cli;

public sealed class ScriptCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("script-command-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Script_writes_each_notebook_as_an_app_in_the_folder_and_says_how_to_run_one()
    {
        var (first, second) = (CourseNotebooks.Paths[0], CourseNotebooks.Paths[1]);
        var output = Path.Combine(_folder.FullName, "my-lab");

        var (exitCode, printed, error) = Run(["script", first, second, "--output", output]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var apps = new[] { first, second }.Select(n => Path.Combine(output, Path.GetFileNameWithoutExtension(n) + ".cs")).ToList();
        Assert.All(apps, app => Assert.True(File.Exists(app), app));
        Assert.Equal(ScriptExport.FolderSettings, File.ReadAllText(Path.Combine(output, "Directory.Build.props")));
        Assert.Equal(
            [.. apps.Select(app => $"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), app)}"),
             $"Run one: cd {Path.GetRelativePath(Directory.GetCurrentDirectory(), output)} && dotnet run {Path.GetFileName(apps[0])}", ""],
            printed.Split('\n'));
    }

    [Fact]
    public void Help_explains_the_notebooks_and_the_output_folder()
    {
        var (exitCode, printed, _) = Run(["script", "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("neuralnotebooks script <notebooks>... [options]", printed, StringComparison.Ordinal);
        Assert.Contains("dotnet run NAME.cs", printed, StringComparison.Ordinal);
        Assert.Contains("--output <DIR> (REQUIRED)", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_output_folder_it_says_the_option_is_required()
    {
        var (exitCode, printed, error) = Run(["script", CourseNotebooks.Paths[0]]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", printed);
        Assert.StartsWith("neuralnotebooks: --output is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_that_does_not_exist_is_named_on_one_line()
    {
        var (exitCode, _, error) = Run(["script", "no-such.ipynb", "--output", _folder.FullName]);

        Assert.Equal(2, exitCode);
        Assert.Equal("neuralnotebooks: notebook must be an existing .ipynb file, but was 'no-such.ipynb'.\n", error);
    }

    [Fact]
    public void A_folder_with_build_settings_of_its_own_is_refused_under_the_options_name()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "Directory.Build.props"), "<Project />");

        var (exitCode, _, error) = Run(["script", CourseNotebooks.Paths[0], "--output", _folder.FullName]);

        Assert.Equal(2, exitCode);
        Assert.Equal($"neuralnotebooks: --output must be a folder for lesson apps, but '{_folder.FullName}' has a Directory.Build.props of its own.\n", error);
    }

    [Fact]
    public void A_cell_no_app_can_express_is_named_on_one_line()
    {
        var notebook = Path.Combine(_folder.FullName, "mine.ipynb");
        NotebookFile.Write(new InteractiveDocument { new InteractiveDocumentElement("#load \"helpers.csx\"", "csharp") }, notebook);

        var (exitCode, _, error) = Run(["script", notebook, "--output", Path.Combine(_folder.FullName, "apps")]);

        Assert.Equal(2, exitCode);
        Assert.Matches("^neuralnotebooks: .*mine.ipynb, cell 1: '#load \"helpers.csx\"' has no equivalent in a file-based app .*\n$", error);
    }

    private static (int ExitCode, string Output, string Error) Run(string[] arguments) => CliRun.Run(arguments);
}
