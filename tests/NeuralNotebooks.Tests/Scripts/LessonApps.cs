using System.Collections.Concurrent;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Runner.Scripts;
using NeuralNotebooks.Tests.Notebooks;

namespace NeuralNotebooks.Tests.Scripts;

/// <summary>
/// Every notebook of the course (and every solution notebook) written as a file-based app inside the repository, in
/// artifacts/lesson-apps-test, with each code cell marked (<see cref="ScriptExport.CellMarker"/>) so a test can tell
/// which cell printed what. Each app is built once, up front: the first alone (it may build the library), the rest two
/// at a time, since each build is mostly one core's work.
/// </summary>
public sealed class LessonApps : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static string Folder { get; } = Path.Combine(CourseNotebooks.Root, "artifacts", "lesson-apps-test");

    /// <summary>Each notebook's path by its name ("NN-name", or "solutions/NN-name").</summary>
    public static IReadOnlyDictionary<string, string> Notebooks { get; } = FindNotebooks();

    /// <summary>Every notebook's name, as theory data.</summary>
    public static TheoryData<string> Names => new(Notebooks.Keys);

    private readonly ConcurrentDictionary<string, ProcessResult> _builds = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> _runs = new();

    /// <summary>The folder an app is in.</summary>
    public static string FolderOf(string name) => Path.GetDirectoryName(Path.Combine(Folder, name + ".cs"))!;

    /// <summary>The app's file name.</summary>
    public static string FileOf(string name) => Path.GetFileName(name) + ".cs";

    /// <summary>How building the app went.</summary>
    public ProcessResult Build(string name) => _builds[name];

    /// <summary>The app's one run, <c>dotnet run --no-build NAME.cs</c> in its folder.</summary>
    public Task<ProcessResult> RunAsync(string name) =>
        _runs.GetOrAdd(name, n => new(() => DotNetProcess.RunAsync(FolderOf(n), Timeout, "run", "--no-build", FileOf(n)))).Value;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        foreach (var (name, notebook) in Notebooks)
        {
            ScriptExport.Write(notebook, FolderOf(name), markCells: true);
        }
        var names = Notebooks.Keys.ToList();
        await BuildAsync(names[0]);
        await Parallel.ForEachAsync(names.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (name, _) => await BuildAsync(name));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task BuildAsync(string name) =>
        _builds[name] = await DotNetProcess.RunAsync(FolderOf(name), Timeout, "build", FileOf(name), "-v", "q");

    private static Dictionary<string, string> FindNotebooks()
    {
        var solutions = Path.Combine(CourseNotebooks.Root, "notebooks", "solutions");
        var names = CourseNotebooks.Paths.ToDictionary(p => Path.GetFileNameWithoutExtension(p)!);
        var solutionPaths = Directory.Exists(solutions) ? Directory.GetFiles(solutions, "*.ipynb") : [];
        foreach (var solution in solutionPaths.Order(StringComparer.Ordinal))
        {
            names["solutions/" + Path.GetFileNameWithoutExtension(solution)] = solution;
        }
        return names;
    }
}
