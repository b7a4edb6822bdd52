using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>The HTML page of an executed notebook, built from outputs shaped as the stock kernel sends them.</summary>
public class HtmlPageTests
{
    [Fact]
    public void Consecutive_standard_output_renders_as_one_block()
    {
        var cell = Cell(new TextElement("Epoch 0, Loss: 0.2522\n", "stdout"), new TextElement("Epoch 100, Loss: 0.2504\n", "stdout"),
                        new TextElement("Epoch 200, Loss: 0.2498\n", "stdout"));

        var page = HtmlPage.Render(new InteractiveDocument { cell }, "log");

        var block = Assert.Single(Regex.Matches(page, "<pre class=\"output\">(.*?)</pre>", RegexOptions.Singleline));
        Assert.Equal("Epoch 0, Loss: 0.2522\nEpoch 100, Loss: 0.2504\nEpoch 200, Loss: 0.2498\n", block.Groups[1].Value);
    }

    [Fact]
    public void Output_of_another_kind_in_between_starts_a_new_block()
    {
        var cell = Cell(new TextElement("a\n", "stdout"), new TextElement("oops\n", "stderr"), new TextElement("b\n", "stdout"));

        var page = HtmlPage.Render(new InteractiveDocument { cell }, "mixed");

        Assert.Equal(["a\n", "oops\n", "b\n"], Regex.Matches(page, "<pre class=\"output[^\"]*\">(.*?)</pre>", RegexOptions.Singleline).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void The_kernels_package_and_extension_notices_are_left_out_of_the_page()
    {
        // As notebook 1's first cell gets them from the stock kernel (1.0.712001), then the cell's own line.
        var cell = Cell(
            new DisplayElement(new Dictionary<string, object>
            {
                ["text/html"] = "<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>MathNet.Numerics, 5.0.0</span></li></ul></div></div>",
            }),
            new DisplayElement(new Dictionary<string, object>
            {
                ["text/plain"] = "Loading extensions from `/root/.nuget/packages/plotly.net.interactive/6.0.0/lib/netstandard2.1/Plotly.NET.Interactive.dll`",
            }),
            new TextElement("The NeuralNotebooks library is up to date.\n", "stdout"));

        var page = HtmlPage.Render(new InteractiveDocument { cell }, "setup");

        Assert.DoesNotContain("Installed Packages", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading extensions", page, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output\">The NeuralNotebooks library is up to date.\n</pre>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_display_the_cell_made_itself_stays_on_the_page()
    {
        var cell = Cell(new DisplayElement(new Dictionary<string, object> { ["text/plain"] = "Epoch 300 / 300, loss 0.0164" }));

        var page = HtmlPage.Render(new InteractiveDocument { cell }, "progress");

        Assert.Contains("Epoch 300 / 300, loss 0.0164", page, StringComparison.Ordinal);
    }

    private static InteractiveDocumentElement Cell(params InteractiveDocumentOutputElement[] outputs)
    {
        var cell = new InteractiveDocumentElement("// a cell", "csharp");
        cell.Outputs.AddRange(outputs);
        return cell;
    }
}
