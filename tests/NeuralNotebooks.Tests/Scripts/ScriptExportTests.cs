using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Runner.Scripts;
using NeuralNotebooks.Tests.Notebooks;

namespace NeuralNotebooks.Tests.Scripts;

public class ScriptExportTests
{
    private const string Packages = "#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#load \"setup/build-library.csx\"";
    private const string Start = "#r \"../artifacts/bin/NeuralNotebooks/release/NeuralNotebooks.dll\"\n#load \"setup/start.csx\"";

    private static readonly AppLayout Layout = new("05-lab", "notebooks/05-lab.ipynb", "../lib/NeuralNotebooks/NeuralNotebooks.csproj", "../notebooks");

    private static InteractiveDocument Notebook(params (string Kernel, string Contents)[] cells)
    {
        var document = new InteractiveDocument();
        foreach (var (kernel, contents) in cells)
        {
            document.Add(new InteractiveDocumentElement(contents, kernel));
        }
        return document;
    }

    private static (string Kernel, string Contents) Code(string contents) => ("csharp", contents);

    private static (string Kernel, string Contents) Markdown(string contents) => ("markdown", contents);

    private static List<string> Lines(string source) => source.Split('\n').ToList();

    [Fact]
    public void Packages_become_package_directives_and_the_library_a_project_directive()
    {
        var lines = Lines(ScriptExport.Convert(Notebook(Code(Packages), Code(Start)), Layout));

        Assert.Equal(
            ["#:package MathNet.Numerics@5.0.0", "#:package Plotly.NET.CSharp@0.14.0", "#:project ../lib/NeuralNotebooks/NeuralNotebooks.csproj", "#:property PublishAot=false"],
            lines.Where(l => l.StartsWith("#:", StringComparison.Ordinal)));
        Assert.Contains("// Left out, as only the notebook host needs it: Plotly.NET.Interactive.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("#r", StringComparison.Ordinal) || l.StartsWith("#load", StringComparison.Ordinal));
    }

    [Fact]
    public void A_package_referenced_twice_is_listed_once_and_one_without_a_version_takes_the_newest()
    {
        var source = ScriptExport.Convert(Notebook(Code("#r \"nuget: Humanizer\""), Code("#r \"nuget: Humanizer\"\nvar a = 1;")), Layout);

        Assert.Single(Lines(source), "#:package Humanizer@*");
    }

    [Fact]
    public void Using_directives_of_every_cell_come_first_each_once_after_the_directives()
    {
        var source = ScriptExport.Convert(
            Notebook(Code(Start), Code("using NeuralNotebooks.Data;\nvar X = Xor.Inputs;"), Code("using NeuralNotebooks.Data;\nusing MathNet.Numerics.LinearAlgebra;\nX")),
            Layout);
        var lines = Lines(source);

        var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["using System.Collections;", "using System.Text;", "using MathNet.Numerics.LinearAlgebra;", "using NeuralNotebooks.Data;", "using NeuralNotebooks.Notebooks;",
             "using static NeuralNotebooks.Notebooks.NotebookApp;"],
            usings);
        Assert.True(lines.IndexOf(usings[^1]) < lines.IndexOf("var X = Xor.Inputs;"));
        Assert.True(lines.FindLastIndex(l => l.StartsWith("#:", StringComparison.Ordinal)) < lines.IndexOf(usings[0]));
    }

    [Fact]
    public void Type_declarations_of_every_cell_come_after_all_the_statements()
    {
        var source = ScriptExport.Convert(
            Notebook(Code(Start), Code("record Point(double X, double Y);\nvar p = new Point(1, 2);"), Code("enum Side { Left, Right }\nConsole.WriteLine(p);")),
            Layout);

        Assert.EndsWith("Console.WriteLine(p);\n\nrecord Point(double X, double Y);\n\nenum Side { Left, Right }\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_starts_where_the_notebook_starts_it_in_the_notebooks_folder()
    {
        var source = ScriptExport.Convert(Notebook(Code("var learningRate = 0.5;"), Code(Packages), Code(Start), Code("Console.WriteLine(learningRate);")), Layout);

        var body = source[source.IndexOf("var learningRate", StringComparison.Ordinal)..];
        Assert.Matches(@"^var learningRate = 0\.5;\n\n(//.*\n)+NotebookApp\.Start\(notebookFolder: ""\.\./notebooks""\);\n\nConsole\.WriteLine\(learningRate\);\n$", body);
    }

    [Fact]
    public void A_notebook_that_never_loads_the_setup_starts_the_library_before_its_first_code()
    {
        var source = ScriptExport.Convert(Notebook(Markdown("# Title"), Code("var a = 1;")), Layout);

        Assert.Matches(@"\n// # Title\n\n(//.*\n)+NotebookApp\.Start\(notebookFolder: ""\.\./notebooks""\);\n\nvar a = 1;\n$", source);
    }

    [Fact]
    public void A_trailing_call_that_returns_nothing_stays_a_statement_as_the_notebook_shows_nothing_for_it()
    {
        var source = ScriptExport.Convert(Notebook(Code(Start), Code("var a = 1;\nConsole.WriteLine(a)")), Layout);

        Assert.Contains("\nvar a = 1;\nConsole.WriteLine(a);\n", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Show(Console", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_declared_in_an_earlier_cell_is_known_when_a_later_cell_ends_with_a_call_to_it()
    {
        var source = ScriptExport.Convert(
            Notebook(Code(Start), Code("void Greet(string name) => Console.WriteLine(name);\nint Twice(int n) => 2 * n;"), Code("Greet(\"you\")"), Code("Twice(21)")),
            Layout);

        Assert.Contains("\nGreet(\"you\");\n", source, StringComparison.Ordinal);
        Assert.Contains("\nNotebookApp.Show(Twice(21));\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_expression_of_a_library_type_or_an_unknown_one_is_shown()
    {
        var source = ScriptExport.Convert(
            Notebook(Code(Start), Code("using NeuralNotebooks.Data;\nXor.Inputs"), Code("SomethingOnlyTheKernelKnows()")),
            Layout);

        Assert.Contains("\nNotebookApp.Show(Xor.Inputs);\n", source, StringComparison.Ordinal);
        Assert.Contains("\nNotebookApp.Show(SomethingOnlyTheKernelKnows());\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cells_become_comments_between_the_code_cells()
    {
        var source = ScriptExport.Convert(Notebook(Code(Start), Markdown("## Training\n\nTrain it."), Code("var a = 1;")), Layout);

        Assert.Contains("\n\n// ## Training\n//\n// Train it.\n\nvar a = 1;\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Marked_cells_print_their_numbers_and_unmarked_ones_print_nothing_extra()
    {
        var notebook = Notebook(Markdown("# Title"), Code(Start), Code("var a = 1;"));

        var marked = ScriptExport.Convert(notebook, Layout, markCells: true);
        var unmarked = ScriptExport.Convert(notebook, Layout);

        Assert.Contains("Console.WriteLine(\"\\u001E2\");\n// The notebook", marked, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(\"\\u001E3\");\nvar a = 1;", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("u001E", unmarked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_in_another_language_is_rejected_with_its_number()
    {
        var e = Assert.Throws<NotSupportedException>(() => ScriptExport.Convert(Notebook(Markdown("# F#"), ("fsharp", "let x = 1")), Layout));

        Assert.StartsWith("notebooks/05-lab.ipynb, cell 2: a fsharp cell", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_directive_is_rejected_with_the_cell_number()
    {
        var e = Assert.Throws<NotSupportedException>(() => ScriptExport.Convert(Notebook(Code(Start), Code("#load \"mine.csx\"")), Layout));

        Assert.StartsWith("notebooks/05-lab.ipynb, cell 2: '#load \"mine.csx\"'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_reaches_the_library_and_the_notebooks_folder_from_the_apps_folder()
    {
        var notebook = CourseNotebooks.Paths[0];

        var layout = AppLayout.For(notebook, Path.Combine(CourseNotebooks.Root, "artifacts", "my-lab"));

        Assert.Equal(Path.GetFileNameWithoutExtension(notebook), layout.Name);
        Assert.Equal($"notebooks/{Path.GetFileName(notebook)}", layout.Notebook);
        Assert.Equal("../../lib/NeuralNotebooks/NeuralNotebooks.csproj", layout.LibraryProject);
        Assert.Equal("../../notebooks", layout.NotebookFolder);
    }

    [Fact]
    public void Write_puts_the_app_and_the_folders_own_build_settings_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("script-export-");
        try
        {
            var notebook = CourseNotebooks.Paths[0];

            var app = ScriptExport.Write(notebook, folder.FullName);

            Assert.Equal(Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(notebook) + ".cs"), app);
            Assert.Equal(ScriptExport.Convert(NotebookFile.Read(notebook), AppLayout.For(notebook, folder.FullName)), File.ReadAllText(app));
            Assert.Equal(ScriptExport.FolderSettings, File.ReadAllText(Path.Combine(folder.FullName, "Directory.Build.props")));
            Assert.Equal(app, ScriptExport.Write(notebook, folder.FullName)); // again into the same folder
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_will_not_replace_a_folders_own_Directory_Build_props()
    {
        var folder = Directory.CreateTempSubdirectory("script-export-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Directory.Build.props"), "<Project />");

            var e = Assert.Throws<ArgumentException>(() => ScriptExport.Write(CourseNotebooks.Paths[0], folder.FullName));

            Assert.Equal("outputFolder", e.ParamName);
            Assert.Equal("<Project />", File.ReadAllText(Path.Combine(folder.FullName, "Directory.Build.props")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_rejects_a_notebook_that_does_not_exist_by_its_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ScriptExport.Write("no-such.ipynb", Path.GetTempPath()));

        Assert.Contains("'no-such.ipynb'", e.Message, StringComparison.Ordinal);
    }
}
