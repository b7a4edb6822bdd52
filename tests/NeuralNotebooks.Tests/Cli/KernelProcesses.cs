using NeuralNotebooks.Runner;

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
    public static IReadOnlySet<int> Below(int ancestor) => ProcessTree.Below(ancestor).Where(IsKernel).ToHashSet();

    /// <summary>True while the process runs (a zombie, dead but not yet reaped by whoever adopted it, does not count).</summary>
    public static bool IsAlive(int pid) => ProcessTree.IsRunning(pid);

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
}
