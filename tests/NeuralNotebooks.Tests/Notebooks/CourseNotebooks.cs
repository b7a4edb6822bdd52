using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>The repository's notebooks (the course, and the worked solutions of its exercises), for theories that run once per notebook.</summary>
public static class CourseNotebooks
{
    /// <summary>The folder of the worked solutions, inside notebooks/; a solution has its notebook's file name.</summary>
    public const string SolutionsFolder = "solutions";

    public static string Root { get; } = Repository.FindRoot(AppContext.BaseDirectory);

    public static IReadOnlyList<string> Paths { get; } = Repository.Notebooks(Root);

    public static IReadOnlyList<string> SolutionPaths { get; } =
        Directory.Exists(Path.Combine(Root, "notebooks", SolutionsFolder))
            ? Directory.GetFiles(Path.Combine(Root, "notebooks", SolutionsFolder), "*.ipynb").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The path of a course notebook ("03-backpropagation-and-training") or a solution ("solutions/03-…").</summary>
    public static string PathOf(string name) => Path.Combine(Root, "notebooks", name + ".ipynb");

    /// <summary>Every course notebook's name (without extension), as theory data.</summary>
    public static TheoryData<string> Names => NamesOf(Paths, "");

    /// <summary>Every solution notebook's name, "solutions/NN-name", as theory data.</summary>
    public static TheoryData<string> SolutionNames => NamesOf(SolutionPaths, SolutionsFolder + "/");

    private static TheoryData<string> NamesOf(IEnumerable<string> paths, string prefix)
    {
        var names = new TheoryData<string>();
        foreach (var path in paths)
        {
            names.Add(prefix + Path.GetFileNameWithoutExtension(path));
        }
        return names;
    }
}
