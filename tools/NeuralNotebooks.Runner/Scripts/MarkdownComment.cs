using System.Text;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Runner.Scripts;

/// <summary>
/// A markdown cell as <c>//</c> comment lines that read well in an editor: the markdown is kept as written (headings,
/// lists, emphasis, links), and each paragraph or list item is wrapped at word boundaries; code blocks, tables and
/// headings are kept line for line.
/// </summary>
public static partial class MarkdownComment
{
    /// <summary>The widest a wrapped comment line gets, "// " included, unless one word is longer.</summary>
    public const int Width = 100;

    /// <summary>The markdown as comment lines, joined with "\n", without a final newline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static string From(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = new List<string>();
        var inFence = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Trim('\n').Split('\n').Select(l => l.TrimEnd()))
        {
            var isFence = line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal);
            if (isFence)
            {
                inFence = !inFence;
            }
            if (isFence || inFence || !IsProse(line))
            {
                lines.Add(line.Length == 0 ? "//" : "// " + line);
                continue;
            }
            lines.AddRange(Wrap(line).Select(l => "// " + l));
        }
        return string.Join("\n", lines);
    }

    /// <summary>Prose is wrapped; headings, tables, indented code, rules and blank lines are not.</summary>
    private static bool IsProse(string line) =>
        line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('|') && !line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith('\t');

    /// <summary>A paragraph or list item split at spaces; a list item's later lines are indented under its text.</summary>
    private static IEnumerable<string> Wrap(string line)
    {
        var marker = ListMarker().Match(line).Value;
        var indent = new string(' ', marker.Length);
        var current = new StringBuilder(marker);
        var first = true;
        foreach (var word in line[marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var atStart = current.Length == (first ? marker.Length : indent.Length);
            if (!atStart && 3 + current.Length + 1 + word.Length > Width)
            {
                yield return current.ToString();
                current.Clear().Append(indent);
                first = false;
                atStart = true;
            }
            current.Append(atStart ? "" : " ").Append(word);
        }
        yield return current.ToString();
    }

    /// <summary>Leading spaces and a list or quote marker: "- ", "* ", "12. ", "&gt; ".</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)]|>)\s+")]
    private static partial Regex ListMarker();
}
