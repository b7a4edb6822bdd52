using System.Text;
using Microsoft.DotNet.Interactive.Documents;

namespace NeuralNotebooks.Runner.Scripts;

/// <summary>
/// Writes a C# notebook as a C# file-based app (<c>dotnet run NAME.cs</c>, .NET 10), so a lesson runs with no notebook
/// host: its <c>#r "nuget: …"</c> become <c>#:package</c>, the course library is referenced by <c>#:project</c>, markdown
/// becomes comments, using directives move to the top and type declarations to the end, and each cell's trailing
/// expression is shown with <see cref="ScriptCell.ShowMethod"/> (text printed, charts saved as HTML pages), unless it
/// returns nothing (<see cref="Submissions"/>).
/// </summary>
public static class ScriptExport
{
    /// <summary>The file written beside the apps that makes their folder stand on its own (<see cref="FolderSettings"/>).</summary>
    public const string FolderSettingsFile = "Directory.Build.props";

    /// <summary>
    /// The folder's <see cref="FolderSettingsFile"/>. MSBuild gives a file-based app the Directory.Build.props and
    /// Directory.Packages.props of the folders above it; inside the course's repository that would mean central package
    /// versions (which forbid <c>#:package</c>'s versions), warnings as errors, invariant culture and the repository's
    /// artifacts folder. A Directory.Build.props of the folder's own stops the search, and this one also turns off the
    /// other two imports, so an app builds and behaves the same inside the repository and outside it.
    /// </summary>
    public const string FolderSettings = """
        <!-- Written by `neuralnotebooks script`. The lesson apps in this folder stand on their own: no settings of the
             folders above apply (Directory.Build.props, Directory.Packages.props, Directory.Build.targets), so an app
             builds and runs the same inside the course's repository and outside it. -->
        <Project>
          <PropertyGroup>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
          </PropertyGroup>
        </Project>

        """;

    // The notebook kernel imports these by default; a file-based app's implicit usings lack them.
    private static readonly string[] KernelUsings = ["using System.Collections;", "using System.Text;"];
    private static readonly string[] AppUsings = ["using NeuralNotebooks.Notebooks;", "using static NeuralNotebooks.Notebooks.NotebookApp;"];

    /// <summary>
    /// Writes the app of <paramref name="notebookPath"/> as <c>NAME.cs</c> in <paramref name="outputFolder"/> (created
    /// if missing), with the folder's <see cref="FolderSettingsFile"/>, and returns the app's path.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="ArgumentException">The folder has a Directory.Build.props of its own.</exception>
    /// <exception cref="NotSupportedException">A cell has something no file-based app can express (see <see cref="ScriptCell.Parse"/>).</exception>
    public static string Write(string notebookPath, string outputFolder) => Write(notebookPath, outputFolder, markCells: false);

    /// <summary>The app's source for a notebook.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A cell is not C# or markdown, or has something no file-based app can express.</exception>
    public static string Convert(InteractiveDocument document, AppLayout layout) => Convert(document, layout, markCells: false);

    /// <summary>As the public one; with <paramref name="markCells"/>, each code cell first prints a line "\u001E" + its
    /// number, so a test can tell which cell printed what.</summary>
    internal static string Write(string notebookPath, string outputFolder, bool markCells)
    {
        ArgumentNullException.ThrowIfNull(notebookPath);
        ArgumentNullException.ThrowIfNull(outputFolder);
        if (!File.Exists(notebookPath))
        {
            throw new FileNotFoundException($"notebook must be an existing .ipynb file, but was '{notebookPath}'.", notebookPath);
        }
        var layout = AppLayout.For(notebookPath, outputFolder);
        var source = Convert(NotebookFile.Read(notebookPath), layout, markCells);
        Directory.CreateDirectory(outputFolder);
        var settings = Path.Combine(outputFolder, FolderSettingsFile);
        if (File.Exists(settings) && File.ReadAllText(settings) != FolderSettings)
        {
            throw new ArgumentException(
                $"outputFolder must be a folder for lesson apps, but '{outputFolder}' has a {FolderSettingsFile} of its own.", nameof(outputFolder));
        }
        File.WriteAllText(settings, FolderSettings);
        var app = Path.Combine(outputFolder, layout.Name + ".cs");
        File.WriteAllText(app, source);
        return app;
    }

    /// <summary>The first line a marked code cell prints: the record separator and the cell's number.</summary>
    internal static string CellMarker(int number) => $"\u001E{number}";

    internal static string Convert(InteractiveDocument document, AppLayout layout, bool markCells)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);
        var blocks = new List<string>();
        var cells = new List<ScriptCell>();
        var started = false;
        var firstCode = -1;
        var submissions = new Submissions();
        foreach (var (element, number) in document.Elements.Select((e, i) => (e, i + 1)))
        {
            if (element.KernelName == "markdown")
            {
                blocks.Add(MarkdownComment.From(element.Contents));
                continue;
            }
            var cell = Parse(element, number, layout, submissions);
            cells.Add(cell);
            firstCode = firstCode < 0 ? blocks.Count : firstCode;
            var code = new List<string>();
            if (markCells)
            {
                code.Add($"Console.WriteLine(\"\\u001E{number}\");");
            }
            if (cell.StartsLibrary && !started)
            {
                code.Add(StartCall(layout));
                started = true;
            }
            code.Add(cell.Statements);
            blocks.Add(string.Join("\n", code.Where(c => c.Length > 0)));
        }
        if (!started)
        {
            blocks.Insert(Math.Max(firstCode, 0), StartCall(layout));
        }

        var source = new StringBuilder();
        source.Append(Header(layout)).Append("\n\n");
        source.Append(Directives(cells.SelectMany(c => c.Packages), layout)).Append("\n\n");
        source.Append(string.Join("\n", Usings(cells.SelectMany(c => c.Usings)))).Append("\n\n");
        source.Append(string.Join("\n\n", blocks.Concat(cells.SelectMany(c => c.Types)).Where(b => b.Length > 0))).Append('\n');
        return source.ToString();
    }

    private static ScriptCell Parse(InteractiveDocumentElement element, int number, AppLayout layout, Submissions submissions)
    {
        if (element.KernelName is not (null or "" or NotebookFile.DefaultKernel or "c#" or "C#"))
        {
            throw new NotSupportedException($"{layout.Notebook}, cell {number}: a {element.KernelName} cell has no place in a C# app.");
        }
        try
        {
            var model = submissions.Add(element.Contents);
            return ScriptCell.From(ScriptCell.ParseTree(element.Contents), expression => Submissions.ReturnsNothing(model, expression));
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"{layout.Notebook}, cell {number}: {e.Message}", e);
        }
    }

    private static string Header(AppLayout layout) => $"""
        // {layout.Notebook} as a C# file-based app, written by `neuralnotebooks script`.
        // Run it with `dotnet run {layout.Name}.cs` (.NET 10 SDK). Like the notebook, it runs in the notebook's folder; it
        // prints what the notebook's cells display, and saves each chart as an HTML page beside this file.
        """;

    private static string StartCall(AppLayout layout) => $"""
        // The notebook's setup cells restore the packages, build the library and start it. Here the #: lines at the top do
        // the first two; Start does the rest, and moves to the notebook's folder (where the notebook runs).
        NotebookApp.Start(notebookFolder: "{layout.NotebookFolder}");
        """;

    /// <summary>The packages (less those only the notebook host needs) and the library's project.</summary>
    private static string Directives(IEnumerable<NuGetPackage> packages, AppLayout layout)
    {
        var distinct = packages.DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var lines = distinct.Where(p => !IsForNotebookHost(p.Name)).Select(p => $"#:package {p.Name}@{p.Version ?? "*"}").ToList();
        var left = distinct.Where(p => IsForNotebookHost(p.Name)).Select(p => p.Name).ToList();
        if (left.Count > 0)
        {
            lines.Add($"// Left out, as only the notebook host needs {(left.Count == 1 ? "it" : "them")}: {string.Join(", ", left)}.");
        }
        lines.Add($"#:project {layout.LibraryProject}");
        lines.Add("// Run on the JIT with reflection, as the notebook does (a file-based app's default, native AOT, turns some off).");
        lines.Add("#:property PublishAot=false");
        return string.Join("\n", lines);
    }

    /// <summary>Notebook kernel extensions (such as Plotly.NET.Interactive, which teaches the kernel to display charts).</summary>
    private static bool IsForNotebookHost(string package) =>
        package.EndsWith(".Interactive", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every using once: global ones, then namespaces (System's first), then static ones, then aliases.</summary>
    private static IEnumerable<string> Usings(IEnumerable<string> fromCells) =>
        fromCells.Concat(KernelUsings).Concat(AppUsings)
            .Select(u => string.Join(' ', u.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(UsingGroup)
            .ThenBy(u => u.StartsWith("using System;", StringComparison.Ordinal) || u.StartsWith("using System.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(u => u.TrimEnd(';'), StringComparer.Ordinal);

    private static int UsingGroup(string directive) =>
        directive.StartsWith("global ", StringComparison.Ordinal) ? 0
        : directive.StartsWith("using static ", StringComparison.Ordinal) ? 2
        : directive.Contains('=', StringComparison.Ordinal) ? 3
        : 1;
}
