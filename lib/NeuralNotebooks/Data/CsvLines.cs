using System.IO.Compression;
using System.Text;

namespace NeuralNotebooks.Data;

/// <summary>
/// The non-blank lines of a comma-separated file (gzipped when its name ends in .gz), split into fields.
/// </summary>
/// <remarks>
/// A field may be wrapped in double quotes, so that it can hold commas; inside quotes, "" stands for one quote.
/// Spaces around a field are dropped. A record must fit on one line.
/// </remarks>
internal static class CsvLines
{
    /// <summary>Each non-blank line's number (from 1) and fields.</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed on its line; the message gives the line.</exception>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, Split(line, number, path));
            }
        }
    }

    private static string[] Split(string line, int number, string path)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (quoted, wasQuoted) = (false, false);
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (k + 1 < line.Length && line[k + 1] == '"')
                {
                    field.Append('"');
                    k++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
                (field, wasQuoted) = (new StringBuilder(), false);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                (field, quoted, wasQuoted) = (new StringBuilder(), true, true);
            }
            else if (!wasQuoted || !char.IsWhiteSpace(c))
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            throw new InvalidDataException($"{path}, line {number}: a quoted field is not closed (a record must fit on one line).");
        }
        fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
        return [.. fields];
    }
}
