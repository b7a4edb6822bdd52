using Microsoft.DotNet.Interactive.Documents;

namespace NeuralNotebooks.Runner;

/// <summary>
/// The notices the kernel itself displays while a <c>#r "nuget: …"</c> cell runs: the package list ("Restore sources",
/// "Installing Packages", "Installed Packages") and "Loading extensions from `…/Plotly.NET.Interactive.dll`". They say how the
/// kernel set itself up, not what the cell computed, so the HTML page leaves them out.
/// </summary>
/// <remarks>
/// The kernel (1.0.712001) displays both unconditionally (<c>context.Display</c> in its package restore and its extension
/// loader): no kernel option or magic turns them off. So the executed notebook keeps them, as VS Code shows them.
/// </remarks>
public static class KernelBanner
{
    private static readonly string[] PackageHeadings = ["Restore sources", "Installing Packages", "Installed Packages"];

    /// <summary>True for the package list and the extension-loading notice.</summary>
    public static bool Is(InteractiveDocumentOutputElement output) => output switch
    {
        DisplayElement display => IsPackageList(display.Data) || IsExtensionNotice(display.Data),
        _ => false,
    };

    private static bool IsPackageList(IDictionary<string, object> data) =>
        Text(data, "text/html") is { } html && PackageHeadings.Any(h => html.Contains($"<strong>{h}</strong>", StringComparison.Ordinal))
        || Text(data, "text/plain") is { } plain && PackageHeadings.Any(h => plain.StartsWith(h, StringComparison.Ordinal));

    private static bool IsExtensionNotice(IDictionary<string, object> data) =>
        Text(data, "text/plain") is { } plain && plain.StartsWith("Loading extension", StringComparison.Ordinal);

    /// <summary>A value as text; a notebook read back from disk holds multi-line values as lists of lines.</summary>
    internal static string? Text(IDictionary<string, object> data, string mimeType) => data.TryGetValue(mimeType, out var value) ? value switch
    {
        string text => text,
        IEnumerable<object> lines => string.Concat(lines),
        _ => value?.ToString(),
    } : null;
}
