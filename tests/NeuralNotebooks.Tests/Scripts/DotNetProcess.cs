using System.Diagnostics;
using System.Text;

namespace NeuralNotebooks.Tests.Scripts;

/// <summary>What a finished process printed, and how it exited.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Everything it printed, for a failure message.</summary>
    public string Printed => $"{Output}{Error}";
}

/// <summary>Runs the <c>dotnet</c> command as a learner would type it, in a given folder.</summary>
public static class DotNetProcess
{
    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="folder"/>; kills it and fails after <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string folder, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // MSBuild's reusable nodes would outlive the build holding its output open, so reading it would never end.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' in {folder} took more than {timeout}:\n{await output}{await error}");
        }
        return new ProcessResult(process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }
}
