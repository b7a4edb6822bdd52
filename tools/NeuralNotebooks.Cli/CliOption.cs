using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NeuralNotebooks.Cli;

/// <summary>What every option of this CLI knows beyond System.CommandLine's own: the library parameter it feeds.</summary>
internal interface ICliOption
{
    /// <summary>The option as the user types it, e.g. <c>--hidden</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this option's value is passed to the library parameter called <paramref name="parameter"/>
    /// (<c>hiddenUnits</c> for <c>--hidden</c>), so that the library's <see cref="ArgumentException"/> for that parameter
    /// is reported under the option's name.
    /// </summary>
    bool Feeds(string parameter);
}

/// <summary>
/// One option of a verb, declared once with its help text: it parses its value with a one-line message that names the
/// option and the value (<c>--epochs must be a whole number, but was '2.5'</c>) and knows the library parameter it feeds.
/// </summary>
/// <remarks>
/// Supported value types: <see cref="int"/>, <see cref="long"/>, <see cref="double"/> (invariant culture, so <c>0.5</c>
/// everywhere), <see cref="string"/>, and <see cref="int"/>[] written as one comma-separated token (<c>16,16</c>).
/// Range checks are left to the library, which names the parameter; <see cref="Parameter"/> maps that name back.
/// </remarks>
internal sealed class CliOption<T> : Option<T>, ICliOption
{
    /// <summary>An option called <paramref name="name"/> (with its dashes) described by <paramref name="description"/> in --help.</summary>
    public CliOption(string name, string description)
        : base(name)
    {
        Description = description;
        Parameter = CamelCase(name);
        Arity = ArgumentArity.ExactlyOne;
        if (typeof(T) != typeof(string))
        {
            CustomParser = ParseValue;
        }
    }

    /// <summary>The value when the option is not given; shown in --help as <c>[default: …]</c>.</summary>
    public T Default
    {
        get => (T)GetDefaultValue()!;
        init => DefaultValueFactory = _ => value;
    }

    /// <summary>The library parameter this option's value is passed to; by default the option's name in camel case.</summary>
    public string Parameter { get; init; }

    /// <summary>Further library parameters it is passed to, when it feeds more than one method (a file for one data set, a folder for another).</summary>
    public IReadOnlyList<string> AlsoFeeds { get; init; } = [];

    /// <inheritdoc/>
    public bool Feeds(string parameter) => parameter == Parameter || AlsoFeeds.Contains(parameter);

    /// <summary>Values offered by tab completion (System.CommandLine's <c>[suggest]</c> directive, used by dotnet-suggest).</summary>
    public IReadOnlyList<string> Suggestions
    {
        get;
        init
        {
            field = value;
            CompletionSources.Add([.. value]);
        }
    } = [];

    /// <summary>True when the user typed this option, rather than getting its default.</summary>
    public bool WasGiven(ParseResult result) => result.GetResult(this) is { Implicit: false };

    private T ParseValue(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        object? value = typeof(T) switch
        {
            var t when t == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
            var t when t == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
            var t when t == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null,
            var t when t == typeof(int[]) => WholeNumbers(text),
            _ => throw new NotSupportedException($"CliOption does not parse {typeof(T).Name}."),
        };
        if (value is T parsed)
        {
            return parsed;
        }
        result.AddError($"{Name} must be {Expected(text)}, but was '{text}'");
        return default!;
    }

    private static int[]? WholeNumbers(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var parts = text.Split(',');
        return parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            ? parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray()
            : null;
    }

    private static string Expected(string text) => typeof(T) switch
    {
        var t when t == typeof(double) => "a number",
        var t when t == typeof(int[]) => "comma-separated whole numbers of at least 1",
        var t when t == typeof(int) && long.TryParse(text, CultureInfo.InvariantCulture, out _) => $"a whole number from {int.MinValue} to {int.MaxValue}",
        _ => "a whole number",
    };

    /// <summary><c>--learning-rate</c> → <c>learningRate</c>: the library's parameter names follow the options' by default.</summary>
    private static string CamelCase(string name)
    {
        var words = name.TrimStart('-').Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
