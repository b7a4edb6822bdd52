// Shared by every notebook's first cell: builds the NeuralNotebooks library (lib/NeuralNotebooks, in
// Release) when its DLL is missing or older than its sources, so the next cell can reference it.
// Paths are relative to the notebooks folder, which is where the kernel runs a notebook.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

static class LibraryBuild
{
    public const string Project = "../lib/NeuralNotebooks/NeuralNotebooks.csproj";
    public const string Dll = "../artifacts/bin/NeuralNotebooks/release/NeuralNotebooks.dll";

    public static string EnsureBuilt()
    {
        if (!File.Exists(Project))
        {
            throw new InvalidOperationException($"Can't find {Path.GetFullPath(Project)}: run the notebook from the repository's notebooks folder.");
        }
        var sources = Directory.EnumerateFiles("../lib/NeuralNotebooks", "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
            .Concat(new[] { "../Directory.Build.props", "../Directory.Packages.props" });
        var newestSource = sources.Max(File.GetLastWriteTimeUtc);
        if (File.Exists(Dll) && File.GetLastWriteTimeUtc(Dll) >= newestSource)
        {
            return "The NeuralNotebooks library is up to date.";
        }
        var clock = Stopwatch.StartNew();
        var build = Process.Start(new ProcessStartInfo(DotNet(), $"build \"{Project}\" -c Release --nologo -v quiet")
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

    // The kernel runs on the dotnet host; use the same one, so the build needs nothing on the PATH.
    private static string DotNet() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}

Console.WriteLine(LibraryBuild.EnsureBuilt());
