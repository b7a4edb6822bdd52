using System.ComponentModel;
using System.Diagnostics;

namespace NeuralNotebooks.Bench;

/// <summary>Installs the Debian packages an alternative needs where they are missing (apt-get needs root, as on CI).</summary>
internal static class DebianPackages
{
    /// <summary>
    /// True when every package is installed and <paramref name="ready"/> holds, installing the missing ones first;
    /// false (and why, on <paramref name="error"/>) when they cannot be installed.
    /// </summary>
    public static bool Ensure(IReadOnlyList<string> packages, Func<bool> ready, TextWriter error)
    {
        if (packages.All(p => Succeeds("dpkg", "-s", p)) && ready())
        {
            return true;
        }
        error.WriteLine($"Installing Debian's {string.Join(", ", packages)} …");
        var installed = Succeeds("apt-get", "update", "-qq") && Succeeds("apt-get", ["install", "-y", "-qq", .. packages]);
        if (!installed || !ready())
        {
            error.WriteLine($"Could not install {string.Join(", ", packages)} (apt-get needs root).");
            return false;
        }
        return true;
    }

    /// <summary>True when Debian's Python can import every one of <paramref name="modules"/>.</summary>
    public static bool PythonImports(params string[] modules) => Succeeds(PythonScript.Python, "-c", $"import {string.Join(", ", modules)}");

    private static bool Succeeds(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = error.Result;
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
