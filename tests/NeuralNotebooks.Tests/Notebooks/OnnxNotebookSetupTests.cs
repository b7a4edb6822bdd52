using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// The ONNX notebook restores ONNX Runtime (about 400 MB) and builds the export library in a setup cell of its own, after
/// the two every notebook shares, so that no other notebook pays for them.
/// </summary>
public partial class OnnxNotebookSetupTests
{
    private const string OnnxNotebook = "12-onnx-runtime";

    [Fact]
    public void The_onnx_notebook_restores_the_versions_the_export_builds_against_and_builds_the_export_in_its_third_setup_cell()
    {
        var versions = XDocument.Load(Path.Combine(CourseNotebooks.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var setup = SetupCells(OnnxNotebook);
        var references = NugetReference().Matches(setup[2]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(["Microsoft.ML.OnnxRuntime", "OnnxSharp", "Google.Protobuf"], references.Keys);
        Assert.All(references, r => Assert.Equal(versions[r.Key], r.Value));
        Assert.Contains("LibraryBuild.EnsureBuilt(\"NeuralNotebooks.Onnx\")", setup[2], StringComparison.Ordinal);
        Assert.StartsWith("#r \"../artifacts/bin/NeuralNotebooks.Onnx/release/NeuralNotebooks.Onnx.dll\"", setup[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void No_other_notebook_restores_onnx_runtime_or_references_the_export(string name)
    {
        if (name == OnnxNotebook)
        {
            return;
        }
        var code = string.Concat(NotebookFile.Read(CourseNotebooks.PathOf(name)).Elements.Where(c => c.KernelName != "markdown").Select(c => c.Contents));

        Assert.DoesNotContain("OnnxRuntime", code, StringComparison.Ordinal);
        Assert.DoesNotContain("NeuralNotebooks.Onnx", code, StringComparison.Ordinal);
    }

    private static string[] SetupCells(string name) =>
        NotebookFile.Read(CourseNotebooks.PathOf(name)).Elements.Where(c => c.KernelName != "markdown")
            .Where(c => c.Contents.Contains("#r ", StringComparison.Ordinal)).Select(c => c.Contents).ToArray();

    [GeneratedRegex(@"#r ""nuget: ([\w.]+), ([\w.-]+)""")]
    private static partial Regex NugetReference();
}
