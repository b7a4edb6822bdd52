namespace NeuralNotebooks.Runner.Scripts;

/// <summary>Where a converted lesson's app sits and how it reaches the course from there.</summary>
/// <param name="Name">The app's name: the notebook's file name without extension (the app is <c>NAME.cs</c>).</param>
/// <param name="Notebook">The notebook, relative to the repository's root, with '/' separators.</param>
/// <param name="LibraryProject">The library's project, relative to the app's folder, with '/' separators.</param>
/// <param name="NotebookFolder">The notebook's folder (where the notebook kernel runs it), relative to the app's folder.</param>
public sealed record AppLayout(string Name, string Notebook, string LibraryProject, string NotebookFolder)
{
    /// <summary>The library's project, relative to the repository's root.</summary>
    public const string LibraryProjectInRepository = "lib/NeuralNotebooks/NeuralNotebooks.csproj";

    /// <summary>The layout for the app of <paramref name="notebookPath"/> written into <paramref name="outputFolder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The notebook is not inside the repository.</exception>
    public static AppLayout For(string notebookPath, string outputFolder)
    {
        var notebook = Path.GetFullPath(notebookPath);
        var output = Path.GetFullPath(outputFolder);
        var root = Repository.FindRoot(Path.GetDirectoryName(notebook));
        return new AppLayout(
            Path.GetFileNameWithoutExtension(notebook),
            Slashes(Path.GetRelativePath(root, notebook)),
            Slashes(Path.GetRelativePath(output, Path.Combine(root, LibraryProjectInRepository))),
            Slashes(Path.GetRelativePath(output, Path.GetDirectoryName(notebook)!)));
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
