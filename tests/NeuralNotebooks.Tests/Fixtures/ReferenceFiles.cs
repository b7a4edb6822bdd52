using System.Globalization;

namespace NeuralNotebooks.Tests.Fixtures;

/// <summary>The blog's numpy outputs, copied beside the tests.</summary>
internal static class ReferenceFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reference");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>A named list of numbers printed with Python's repr from <c>initial-weights-seed42.txt</c>, parsed exactly.</summary>
    public static double[] InitialWeights(string name)
    {
        var line = File.ReadLines(Path.Combine(Directory, "initial-weights-seed42.txt")).Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return Numbers(line[line.IndexOf('[')..]).Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The list after a marker in a comment line of <c>initial-weights-seed42.txt</c>.</summary>
    public static string[] CommentList(string marker)
    {
        var line = File.ReadLines(Path.Combine(Directory, "initial-weights-seed42.txt")).Single(l => l.Contains(marker, StringComparison.Ordinal));
        var start = line.IndexOf('[', line.IndexOf(marker, StringComparison.Ordinal));
        return Numbers(line[start..]);
    }

    private static string[] Numbers(string list) =>
        list.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries).Select(t => t.Trim('\'')).ToArray();
}
