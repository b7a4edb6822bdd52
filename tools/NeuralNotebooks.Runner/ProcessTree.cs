namespace NeuralNotebooks.Runner;

/// <summary>
/// A process tree as Linux's /proc shows it: enough to wait until a killed tree is really gone. Elsewhere (no /proc) it
/// sees no processes, and waiting returns at once.
/// </summary>
/// <remarks>
/// <c>Process.Kill(entireProcessTree: true)</c> sends the signal to every process in the tree but waits for none of them,
/// and waiting for the direct child says nothing of the grandchild (the kernel, under <c>dotnet tool run</c>): a process
/// of 20 threads and 170 MB can take a moment to be torn down on a busy machine.
/// </remarks>
internal static class ProcessTree
{
    /// <summary>The ids of the processes below <paramref name="root"/>, now.</summary>
    public static IReadOnlySet<int> Below(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return new HashSet<int>();
        }
        var parents = Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0).Select(pid => (Pid: pid, Parent: ParentOf(pid))).Where(p => p.Parent > 0)
            .ToDictionary(p => p.Pid, p => p.Parent);
        bool Descends(int pid) => parents.TryGetValue(pid, out var parent) && (parent == root || Descends(parent));
        return parents.Keys.Where(Descends).ToHashSet();
    }

    /// <summary>True while the process runs (a zombie, dead but not yet reaped by whoever adopted it, does not count).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';

    /// <summary>Waits until none of <paramref name="pids"/> is running, or <paramref name="patience"/> has passed.</summary>
    public static async Task WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (pids.Any(IsRunning) && DateTime.UtcNow < until)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>The id of <paramref name="pid"/>'s parent, or 0 when the process is gone.</summary>
    private static int ParentOf(int pid) =>
        Stat(pid) is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : 0;

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
