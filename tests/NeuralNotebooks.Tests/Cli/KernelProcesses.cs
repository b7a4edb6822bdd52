namespace NeuralNotebooks.Tests.Cli;

/// <summary>
/// The kernel processes (Microsoft.DotNet.Interactive.App) below a process, read from Linux's /proc. A kernel orphaned
/// by its parent's death is re-parented away from the tree, so tests record the kernels while they run and check those
/// ids afterwards.
/// </summary>
internal static class KernelProcesses
{
    private const string KernelAssembly = "Microsoft.DotNet.Interactive.App";

    /// <summary>The ids of the kernels among <paramref name="ancestor"/>'s descendants, now.</summary>
    public static IReadOnlySet<int> Below(int ancestor)
    {
        var parents = Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0).Select(pid => (Pid: pid, Parent: ParentOf(pid))).Where(p => p.Parent > 0)
            .ToDictionary(p => p.Pid, p => p.Parent);
        bool Descends(int pid) => parents.TryGetValue(pid, out var parent) && (parent == ancestor || Descends(parent));
        return parents.Keys.Where(pid => Descends(pid) && IsKernel(pid)).ToHashSet();
    }

    /// <summary>True while the process runs (a zombie, dead but not yet reaped by whoever adopted it, does not count).</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';

    /// <summary>Samples the kernels below <paramref name="ancestor"/> until <paramref name="stop"/> is cancelled.</summary>
    public static async Task<HashSet<int>> RecordAsync(int ancestor, CancellationToken stop)
    {
        var seen = new HashSet<int>();
        while (!stop.IsCancellationRequested)
        {
            seen.UnionWith(Below(ancestor));
            await Task.Delay(100, CancellationToken.None);
        }
        return seen;
    }

    private static int ParentOf(int pid) =>
        Stat(pid) is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : 0;

    private static bool IsKernel(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(KernelAssembly, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

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
