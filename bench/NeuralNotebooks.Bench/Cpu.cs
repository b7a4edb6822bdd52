namespace NeuralNotebooks.Bench;

/// <summary>What the table says about the machine, read from /proc/cpuinfo.</summary>
internal static class Cpu
{
    private static readonly string[] Info = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];

    public static string Name =>
        Info.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static bool HasAvx512 =>
        Info.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(' ').Contains("avx512f") ?? false;
}
