using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Documents;
using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>What every notebook of the course must look like, checked without running it.</summary>
public partial class NotebookStructureTests
{
    private const int MaxCodeLines = 10;

    [Fact]
    public void The_course_has_the_blogs_five_notebooks_numbered_in_order()
    {
        var names = CourseNotebooks.Paths.Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Equal(
            ["01-neurons-and-activations", "02-forward-pass", "03-backpropagation-and-training", "04-results-and-plots", "05-learning-rate-lab"],
            names.Take(5));
        Assert.All(names, name => Assert.Matches("^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$", name));
        Assert.Equal(Enumerable.Range(1, names.Count).Select(i => i.ToString("00", null)), names.Select(n => n![..2]));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    [MemberData(nameof(CourseNotebooks.SolutionNames), MemberType = typeof(CourseNotebooks))]
    public void A_notebook_is_committed_without_outputs_or_execution_counts(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(CourseNotebooks.PathOf(name)));

        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    [MemberData(nameof(CourseNotebooks.SolutionNames), MemberType = typeof(CourseNotebooks))]
    public void A_notebook_names_the_dotnet_csharp_kernel_and_needs_no_cell_metadata(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(CourseNotebooks.PathOf(name)));
        var metadata = json.RootElement.GetProperty("metadata");

        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        // Plain Jupyter clients ignore cell metadata: a cell in another language must say so in its first line.
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            var kernel = cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("polyglot_notebook", out var p) && p.TryGetProperty("kernelName", out var k)
                ? k.GetString() : "csharp";
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            Assert.True(kernel == "csharp" || source.StartsWith("#!" + kernel, StringComparison.Ordinal), $"A {kernel} cell without a #!{kernel} first line: {source}");
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void A_notebook_follows_the_course_skeleton(string name)
    {
        var cells = NotebookFile.Read(CourseNotebooks.PathOf(name)).Elements;
        var prose = cells.Where(IsMarkdown).Select(c => c.Contents).ToList();

        Assert.True(IsMarkdown(cells[0]) && cells[0].Contents.StartsWith("# ", StringComparison.Ordinal), "It opens with a title.");
        Assert.Contains("In this notebook", cells[0].Contents, StringComparison.Ordinal);
        Assert.Contains(prose, p => p.Contains("## Summary", StringComparison.Ordinal));
        Assert.Contains(prose, p => p.Contains("## Exercises", StringComparison.Ordinal));
        Assert.True(prose.Count >= cells.Count(c => !IsMarkdown(c)) - 3, "About as much prose as code.");
        Assert.All(cells.Where(c => !IsMarkdown(c)), c => Assert.True(c.Contents.Split('\n').Length <= MaxCodeLines, $"A code cell of more than {MaxCodeLines} lines:\n{c.Contents}"));
        Assert.Contains(prose, p => p.Contains("lib/NeuralNotebooks/", StringComparison.Ordinal)); // names the library file that holds the idea
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void A_notebook_links_to_the_next_one_which_exists(string name)
    {
        var paths = CourseNotebooks.Paths;
        var index = paths.ToList().IndexOf(CourseNotebooks.PathOf(name));
        if (index == paths.Count - 1)
        {
            return; // the last notebook has no next one
        }
        var next = Path.GetFileName(paths[index + 1]);
        var last = NotebookFile.Read(paths[index]).Elements.Last(IsMarkdown).Contents;

        Assert.Contains($"]({next})", last, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Every_notebook_sets_up_with_the_same_two_cells(string name)
    {
        var setup = SetupCells(name);
        var reference = SetupCells(Path.GetFileNameWithoutExtension(CourseNotebooks.Paths[0]));

        Assert.Equal(reference, setup);
        Assert.Contains("#load \"setup/build-library.csx\"", setup[0], StringComparison.Ordinal);
        Assert.Contains("#r \"../artifacts/bin/NeuralNotebooks/release/NeuralNotebooks.dll\"", setup[1], StringComparison.Ordinal);
        Assert.Contains("#load \"setup/start.csx\"", setup[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_restores_the_package_versions_the_library_builds_against()
    {
        var versions = XDocument.Load(Path.Combine(CourseNotebooks.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var setup = SetupCells(Path.GetFileNameWithoutExtension(CourseNotebooks.Paths[0]))[0];
        var references = NugetReference().Matches(setup).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(versions["MathNet.Numerics"], references["MathNet.Numerics"]);
        Assert.Equal(versions["Plotly.NET.CSharp"], references["Plotly.NET.CSharp"]);
        Assert.Equal(versions["Plotly.NET"], references["Plotly.NET.Interactive"]); // released together, same version
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Every_exercise_links_to_its_worked_solution_which_answers_each_one_in_order(string name)
    {
        var exercises = ExerciseLines(name);
        var link = $"](solutions/{name}.ipynb)";
        var solution = CourseNotebooks.PathOf($"{CourseNotebooks.SolutionsFolder}/{name}");

        Assert.NotEmpty(exercises);
        Assert.All(exercises, e => Assert.Contains(link, e, StringComparison.Ordinal));
        Assert.True(File.Exists(solution), $"{name} has exercises but no worked solutions in notebooks/{CourseNotebooks.SolutionsFolder}/{name}.ipynb.");
        var cells = NotebookFile.Read(solution).Elements;
        Assert.True(IsMarkdown(cells[0]) && cells[0].Contents.StartsWith("# ", StringComparison.Ordinal), "A solution notebook opens with a title.");
        Assert.Contains($"](../{name}.ipynb)", cells[0].Contents, StringComparison.Ordinal); // and links back to its notebook
        var headings = cells.Where(IsMarkdown).SelectMany(c => ExerciseHeading().Matches(c.Contents)).Select(m => int.Parse(m.Groups[1].Value, null)).ToList();
        Assert.Equal(Enumerable.Range(1, exercises.Count), headings);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.SolutionNames), MemberType = typeof(CourseNotebooks))]
    public void A_solution_notebook_sets_up_like_the_course_from_one_folder_down(string name)
    {
        var course = SetupCells(Path.GetFileNameWithoutExtension(CourseNotebooks.Paths[0]));
        var fromSolutions = course.Select(c => c.Replace("\"setup/", "\"../setup/", StringComparison.Ordinal).Replace("\"../artifacts/", "\"../../artifacts/", StringComparison.Ordinal));

        Assert.Equal(fromSolutions, SetupCells(name));
    }

    /// <summary>The numbered items of a notebook's Exercises section.</summary>
    private static List<string> ExerciseLines(string name)
    {
        var section = NotebookFile.Read(CourseNotebooks.PathOf(name)).Elements.Where(IsMarkdown).Select(c => c.Contents)
            .Last(c => c.Contains("## Exercises", StringComparison.Ordinal));
        var after = section[(section.IndexOf("## Exercises", StringComparison.Ordinal) + "## Exercises".Length)..];
        return after.Split('\n').TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal)).Where(l => NumberedItem().IsMatch(l)).ToList();
    }

    private static string[] SetupCells(string name) =>
        NotebookFile.Read(CourseNotebooks.PathOf(name)).Elements.Where(c => !IsMarkdown(c))
            .Where(c => c.Contents.Contains("#r ", StringComparison.Ordinal)).Select(c => c.Contents).Take(2).ToArray();

    private static bool IsMarkdown(InteractiveDocumentElement cell) => cell.KernelName == "markdown";

    [GeneratedRegex(@"#r ""nuget: ([\w.]+), ([\w.-]+)""")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^## Exercise (\d+)\b", RegexOptions.Multiline)]
    private static partial Regex ExerciseHeading();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex NumberedItem();
}
