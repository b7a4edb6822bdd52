// Shared by every notebook's first cell: builds the NeuralNotebooks library (lib/NeuralNotebooks, in
// Release) when its DLL is missing or older than its sources, so the next cell can reference it.
// A notebook that needs another of the repository's libraries builds it the same way in a cell of its
// own, after the first two: LibraryBuild.EnsureBuilt("NeuralNotebooks.Onnx").
// Paths are relative to the notebooks folder, which is where the kernel runs a notebook.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

static class LibraryBuild
{
    public const string Core = "NeuralNotebooks";

    public static string EnsureBuilt(string name = Core)
    {
        var project = $"../lib/{name}/{name}.csproj";
        var dll = $"../artifacts/bin/{name}/release/{name}.dll";
        if (!File.Exists(project))
        {
            throw new InvalidOperationException($"Can't find {Path.GetFullPath(project)}: run the notebook from the repository's notebooks folder.");
        }
        // Every library of the course builds on the core one, so a change there counts too.
        var sources = new[] { $"../lib/{name}", $"../lib/{Core}" }.Distinct()
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
            .Concat(new[] { "../Directory.Build.props", "../Directory.Packages.props" });
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

    // The kernel runs on the dotnet host; use the same one, so the build needs nothing on the PATH.
    private static string DotNet() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}

Console.WriteLine(LibraryBuild.EnsureBuilt());
