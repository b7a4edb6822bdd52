using System.Diagnostics;

namespace NeuralNotebooks.Runner;

/// <summary>Where the repository is, and the one-time steps before its notebooks can run.</summary>
public static class Repository
{
    /// <summary>The folder holding NeuralNotebooks.sln, searched upwards from <paramref name="start"/> (or the current folder, then this program's).</summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder holds NeuralNotebooks.sln.</exception>
    public static string FindRoot(string? start = null)
    {
        foreach (var candidate in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.OfType<string>())
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(candidate)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "NeuralNotebooks.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Can't find the repository (a folder with NeuralNotebooks.sln) above the current folder.");
    }

    /// <summary>The folder, inside a folder of notebooks, that holds their worked solutions (one per notebook, same name).</summary>
    public const string SolutionsFolderName = "solutions";

    /// <summary>The course's notebooks folder.</summary>
    public static string NotebooksFolder(string root) => Path.Combine(root, "notebooks");

    /// <summary>The notebooks in the repository's notebooks folder, in course order.</summary>
    public static IReadOnlyList<string> Notebooks(string root) => NotebooksIn(NotebooksFolder(root));

    /// <summary>
    /// The worked solutions, <c>notebooks/solutions/NN-name.ipynb</c>, in course order (none when the folder is missing).
    /// Like every notebook they run with their own folder as the working directory, as VS Code runs them, so they reach
    /// the library as <c>../../artifacts/…</c> and the setup scripts as <c>../setup/*.csx</c>.
    /// </summary>
    public static IReadOnlyList<string> Solutions(string root) => NotebooksIn(Path.Combine(NotebooksFolder(root), SolutionsFolderName));

    /// <summary>The .ipynb files directly in <paramref name="folder"/>, by name (none when it does not exist).</summary>
    public static IReadOnlyList<string> NotebooksIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Restores the kernel pinned in .config/dotnet-tools.json (quick when it is already there).</summary>
    /// <exception cref="InvalidOperationException">dotnet tool restore failed.</exception>
    public static async Task RestoreKernelToolAsync(string root)
    {
        var start = new ProcessStartInfo("dotnet", "tool restore")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet tool restore' failed:\n{await output.ConfigureAwait(false)}{error}");
        }
    }
}
