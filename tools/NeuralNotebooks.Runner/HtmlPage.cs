using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Runner;

/// <summary>
/// An executed notebook as one self-contained HTML page: prose, code and outputs, with the charts'
/// plotly.js embedded once, so the page draws its charts with no network.
/// </summary>
public static partial class HtmlPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page for an executed notebook.</summary>
    public static string Render(InteractiveDocument document, string title)
    {
        var body = new StringBuilder();
        foreach (var cell in document.Elements)
        {
            if (cell.KernelName == "markdown")
            {
                body.Append("<section class=\"prose\">").Append(Markdig.Markdown.ToHtml(cell.Contents, Markdown)).Append("</section>\n");
                continue;
            }
            body.Append("<section class=\"cell\"><pre class=\"code\"><code>").Append(WebUtility.HtmlEncode(cell.Contents)).Append("</code></pre>\n");
            foreach (var output in MergeStreams(cell.Outputs.Where(o => !KernelBanner.Is(o))))
            {
                body.Append(RenderOutput(output)).Append('\n');
            }
            body.Append("</section>\n");
        }
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; {"}"}
            pre {"{"} overflow-x: auto; padding: 0.6rem; border-radius: 4px; {"}"}
            pre.code {"{"} background: #f4f4f8; border-left: 3px solid #88a; {"}"}
            pre.output {"{"} background: #fff; border-left: 3px solid #ccc; {"}"}
            pre.error {"{"} background: #fff0f0; border-left: 3px solid #c33; {"}"}
            section.cell {"{"} margin: 1rem 0; {"}"}
            </style>
            </head>
            <body>
            {KeepFirstEmbeddedPlotly(body.ToString())}
            </body>
            </html>
            """;
    }

    /// <summary>
    /// Consecutive pieces of the same stream as one: the kernel sends each <c>Console.WriteLine</c> on its own, and a training
    /// log should read as one block, not one box per line.
    /// </summary>
    internal static IEnumerable<InteractiveDocumentOutputElement> MergeStreams(IEnumerable<InteractiveDocumentOutputElement> outputs)
    {
        TextElement? pending = null;
        foreach (var output in outputs)
        {
            if (output is TextElement text && pending is not null && text.Name == pending.Name)
            {
                pending = new TextElement(pending.Text + text.Text, pending.Name);
                continue;
            }
            if (pending is not null)
            {
                yield return pending;
            }
            pending = output as TextElement;
            if (pending is null)
            {
                yield return output;
            }
        }
        if (pending is not null)
        {
            yield return pending;
        }
    }

    private static string RenderOutput(InteractiveDocumentOutputElement output) => output switch
    {
        TextElement { Name: "stderr" } text => $"<pre class=\"output stderr\">{WebUtility.HtmlEncode(text.Text)}</pre>",
        TextElement text => $"<pre class=\"output\">{WebUtility.HtmlEncode(text.Text)}</pre>",
        ErrorElement error => $"<pre class=\"error\">{WebUtility.HtmlEncode($"{error.ErrorName}: {error.ErrorValue}")}</pre>",
        DisplayElement display => RenderData(display.Data),
        ReturnValueElement value => RenderData(value.Data),
        _ => "",
    };

    private static string RenderData(IDictionary<string, object> data) =>
        data.TryGetValue("text/html", out var html) ? $"<div class=\"output\">{html}</div>"
        : data.TryGetValue("text/plain", out var text) ? $"<pre class=\"output\">{WebUtility.HtmlEncode(text?.ToString() ?? "")}</pre>"
        : "";

    /// <summary>Every offline chart carries the same plotly.js; the page needs only the first copy.</summary>
    internal static string KeepFirstEmbeddedPlotly(string html)
    {
        var seen = false;
        return EmbeddedScript().Replace(html, match =>
        {
            if (!match.Value.Contains(ChartOutput.EmbeddedScriptMarker, StringComparison.Ordinal))
            {
                return match.Value;
            }
            var keep = !seen;
            seen = true;
            return keep ? match.Value : "";
        });
    }

    [GeneratedRegex(@"<script type=""text/javascript"">/\* NeuralNotebooks:.*?</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedScript();
}
