// Shared by every notebook's first cell: builds the NeuralNotebooks library (lib/NeuralNotebooks, in
// Release) when its DLL is missing or older than its sources, so the next cell can reference it.
// A notebook that needs another of the repository's libraries builds it the same way in a cell of its
// own, after the first two: LibraryBuild.EnsureBuilt("NeuralNotebooks.Onnx").
// The kernel runs a notebook in the notebook's own folder (notebooks/ or notebooks/solutions/), so the
// repository is found by looking upwards from there for NeuralNotebooks.sln.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

static class LibraryBuild
{
    public const string Core = "NeuralNotebooks";

    public static string EnsureBuilt(string name = Core)
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, $"lib/{name}/{name}.csproj");
        var dll = Path.Combine(root, $"artifacts/bin/{name}/release/{name}.dll");
        if (!File.Exists(project))
        {
            throw new InvalidOperationException($"Can't find the {name} library's project, {project}.");
        }
        // Every library of the course builds on the core one, so a change there counts too.
        var sources = new[] { name, Core }.Distinct()
            .SelectMany(library => Directory.EnumerateFiles(Path.Combine(root, "lib", library), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
            .Concat(new[] { Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "Directory.Packages.props") });
        var newestSource = sources.Max(File.GetLastWriteTimeUtc);
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) >= newestSource)
        {
            return $"The {name} library is up to date.";
        }
        var clock = Stopwatch.StartNew();
        // The first cell has built the core library and the kernel has loaded it: another library's build must not
        // build it again (and copy over the loaded file).
        var references = name == Core ? "" : " -p:BuildProjectReferences=false";
        var build = Process.Start(new ProcessStartInfo(DotNet(), $"build \"{project}\" -c Release --nologo -v quiet{references}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the {name} library failed:\n{output.Result}{errors}");
        }
        // MSBuild leaves a DLL as it was when only the core library's internals changed: mark this one as checked.
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
        return $"Built the {name} library in {clock.Elapsed.TotalSeconds:0.0} s.";
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
