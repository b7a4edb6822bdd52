using System.Diagnostics;
using System.Text.Json;

namespace NeuralNotebooks.Bench;

/// <summary>Runs one of the bench's Python scripts with Debian's Python and reads the JSON line it prints last.</summary>
internal static class PythonScript
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The script's last line of output, parsed.</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message holds the end of what it wrote to stderr.</exception>
    public static JsonElement Run(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (Cpu.HasAvx512)
        {
            // OpenBLAS 0.3.21 does not know the newest CPUs (Zen 5) and falls back to its AVX2 kernels; give numpy its best.
            start.Environment["OPENBLAS_CORETYPE"] = "SkylakeX";
        }
        // PyTorch's OpenMP threads spin while they wait for work; on a shared 2-core machine that made W6 and W7 10–20×
        // slower with 2 threads than with 1 (measured). Waiting asleep gives it its best time; numpy's OpenBLAS ignores it.
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            var tail = string.Join(" | ", error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
            throw new InvalidOperationException($"{script} {string.Join(' ', start.ArgumentList.Skip(1))} failed (exit code {process.ExitCode}): {tail}");
        }
        using var json = JsonDocument.Parse(lines[^1]);
        return json.RootElement.Clone();
    }
}
