using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>The repository's notebooks, for theories that run once per notebook.</summary>
public static class CourseNotebooks
{
    public static string Root { get; } = Repository.FindRoot(AppContext.BaseDirectory);

    public static IReadOnlyList<string> Paths { get; } = Repository.Notebooks(Root);

    public static string PathOf(string name) => Path.Combine(Root, "notebooks", name + ".ipynb");

    /// <summary>Every notebook's name (without extension), as theory data.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var path in Paths)
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
            return names;
        }
    }
}
