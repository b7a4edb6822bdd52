using NeuralNotebooks.Runner.Scripts;

namespace NeuralNotebooks.Tests.Scripts;

public class MarkdownCommentTests
{
    private const string LongSentence =
        "The blog plots the loss, tests its network on the four examples and on four slightly different inputs, and then we look at what it has learned.";

    [Fact]
    public void Headings_and_blank_lines_stay_as_they_are()
    {
        Assert.Equal("// # 4. Results and plots\n//\n// Short text.", MarkdownComment.From("# 4. Results and plots\n\nShort text.\n"));
    }

    [Fact]
    public void A_long_paragraph_is_wrapped_at_spaces_within_the_width()
    {
        var lines = MarkdownComment.From(LongSentence).Split('\n');

        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(l.Length <= MarkdownComment.Width, $"{l.Length} characters: {l}"));
        Assert.Equal(LongSentence, string.Join(" ", lines.Select(l => l["// ".Length..])));
    }

    [Fact]
    public void A_list_item_wraps_under_its_own_text()
    {
        var lines = MarkdownComment.From("- " + LongSentence + "\n1. " + LongSentence).Split('\n');

        var bullet = lines.TakeWhile(l => !l.StartsWith("// 1. ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("// - The blog", bullet[0], StringComparison.Ordinal);
        Assert.All(bullet.Skip(1), l => Assert.Matches(@"^//   \S", l));
        Assert.All(lines.SkipWhile(l => !l.StartsWith("// 1. ", StringComparison.Ordinal)).Skip(1), l => Assert.Matches(@"^//    \S", l));
    }

    [Fact]
    public void Code_blocks_and_tables_keep_their_lines()
    {
        var markdown = $"```csharp\nvar text = \"{LongSentence}\";\n```\n| a | b |\n| --- | --- |\n| {LongSentence} | 1 |";

        Assert.Equal(string.Join("\n", markdown.Split('\n').Select(l => "// " + l)), MarkdownComment.From(markdown));
    }

    [Fact]
    public void A_word_longer_than_the_width_gets_a_line_of_its_own()
    {
        var url = "https://example.invalid/" + new string('x', MarkdownComment.Width);

        Assert.Equal($"// See\n// {url}\n// here.", MarkdownComment.From($"See {url} here."));
    }
}
