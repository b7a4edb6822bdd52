using System.Globalization;

namespace NeuralNotebooks.Cli;

/// <summary>
/// Reads <c>--name value</c> (or <c>--name=value</c>) options, each at most once, and complains about
/// anything it was not asked for.
/// </summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public OptionReader(IEnumerable<string> arguments, IReadOnlyCollection<string> known)
    {
        using var e = arguments.GetEnumerator();
        while (e.MoveNext())
        {
            var argument = e.Current;
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{argument}'");
            }
            var equals = argument.IndexOf('=');
            var name = equals < 0 ? argument : argument[..equals];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }
            if (_values.ContainsKey(name))
            {
                throw new UsageException($"option '{name}' is given twice");
            }
            if (equals >= 0)
            {
                _values[name] = argument[(equals + 1)..];
            }
            else if (e.MoveNext())
            {
                _values[name] = e.Current;
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value");
            }
        }
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} must be a whole number, but was '{text}'");

    public long Long(string name, long fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} must be a whole number, but was '{text}'");

    public double Double(string name, double fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} must be a number, but was '{text}'");
}
