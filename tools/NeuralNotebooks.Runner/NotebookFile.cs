using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NeuralNotebooks.Runner;

/// <summary>Reads and writes .ipynb files with Microsoft.DotNet.Interactive.Documents' own parser.</summary>
public static class NotebookFile
{
    /// <summary>The kernel every cell without a magic command runs in.</summary>
    public const string DefaultKernel = "csharp";

    /// <summary>The kernels a notebook of this course may name; C# is the default.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection { new("csharp", "C#", ["c#", "C#"]), new("markdown", "Markdown", ["md"]) };
        kernels.DefaultKernelName = DefaultKernel;
        return kernels;
    }

    /// <summary>Parses a notebook file.</summary>
    /// <exception cref="InvalidDataException">The file is not Jupyter JSON; the message names the file and the line.</exception>
    public static InteractiveDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Notebook.Read(stream, Kernels());
        }
        catch (System.Text.Json.JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a notebook: its JSON is malformed{where} ({e.Message.Split(". ")[0]}).", e);
        }
    }

    /// <summary>The notebook's code cells with their 1-based position among all its cells.</summary>
    public static IEnumerable<(int Number, InteractiveDocumentElement Cell)> CodeCells(InteractiveDocument document) =>
        document.Elements.Select((cell, i) => (Number: i + 1, Cell: cell)).Where(c => c.Cell.KernelName != "markdown");

    /// <summary>Writes the notebook as Jupyter JSON (with whatever outputs its cells carry).</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Notebook.Write(document, stream, Kernels());
    }
}
