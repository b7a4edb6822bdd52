using System.Diagnostics;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>Debian's headless Chromium, started with no network activity of its own.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Loads a page, lets its scripts run, and returns the DOM they left.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--virtual-time-budget=20000",
                "--dump-dom", new Uri(htmlFile).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var chromium = Process.Start(start)!;
            var stderr = chromium.StandardError.ReadToEndAsync();
            var dom = await chromium.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await chromium.WaitForExitAsync(timeout.Token);
            return chromium.ExitCode == 0 ? dom : throw new InvalidOperationException($"Chromium exited with {chromium.ExitCode}: {await stderr}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>
/// A test that needs Chromium. CI (CI=true) installs it and must run the test; on a machine without it,
/// the test is skipped with the reason, rather than failing the README's test command.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Needs Debian's chromium at {Chromium.Path} (bash .ci/run installs it).";
        }
    }
}
