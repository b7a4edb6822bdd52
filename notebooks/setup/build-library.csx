// Shared by every notebook's first cell: builds the NeuralNotebooks library (lib/NeuralNotebooks, in
// Release) when its DLL is missing or older than its sources, so the next cell can reference it.
// The kernel runs a notebook in the notebook's own folder (notebooks/ or notebooks/solutions/), so the
// repository is found by looking upwards from there for NeuralNotebooks.sln.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

static class LibraryBuild
{
    public static string EnsureBuilt()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "lib/NeuralNotebooks/NeuralNotebooks.csproj");
        var dll = Path.Combine(root, "artifacts/bin/NeuralNotebooks/release/NeuralNotebooks.dll");
        var sources = Directory.EnumerateFiles(Path.Combine(root, "lib/NeuralNotebooks"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
            .Concat(new[] { Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "Directory.Packages.props") });
        var newestSource = sources.Max(File.GetLastWriteTimeUtc);
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) >= newestSource)
        {
            return "The NeuralNotebooks library is up to date.";
        }
        var clock = Stopwatch.StartNew();
        var build = Process.Start(new ProcessStartInfo(DotNet(), $"build \"{project}\" -c Release --nologo -v quiet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the NeuralNotebooks library failed:\n{output.Result}{errors}");
        }
        return $"Built the NeuralNotebooks library in {clock.Elapsed.TotalSeconds:0.0} s.";
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NeuralNotebooks.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Can't find the repository (a folder holding NeuralNotebooks.sln) above {Directory.GetCurrentDirectory()}: run the notebook from the repository's notebooks folder.");
    }

    // The kernel runs on the dotnet host; use the same one, so the build needs nothing on the PATH.
    private static string DotNet() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}

Console.WriteLine(LibraryBuild.EnsureBuilt());
