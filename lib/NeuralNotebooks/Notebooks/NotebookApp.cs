using NeuralNotebooks.Charts;
using NeuralNotebooks.Training;
using Plotly.NET;

namespace NeuralNotebooks.Notebooks;

/// <summary>
/// What a lesson converted to a C# file-based app (<c>neuralnotebooks script</c>) calls where the notebook has its setup
/// cells and its host: the app runs in the notebook's folder, prints each value a cell would display, saves each chart
/// as an HTML page beside the app, and prints training progress as console lines. <c>ShowProgress()</c> and
/// <c>UseOfflineCharts()</c> have the names the notebooks use, so the lessons' cells run unchanged.
/// </summary>
public static class NotebookApp
{
    /// <summary>The least time between two printed progress lines (the first and last epochs are always printed).</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    // Where the learner started the app: chart paths are printed relative to it. Read before Start moves elsewhere.
    private static readonly string LaunchFolder = Directory.GetCurrentDirectory();
    private static readonly Lazy<string> AppFile = new(FindAppFile);
    private static readonly Lazy<ChartFiles> Pages =
        new(() => new ChartFiles(Path.GetDirectoryName(AppFile.Value)!, Path.GetFileNameWithoutExtension(AppFile.Value)));

    /// <summary>
    /// Does what the notebook's setup does for an app: moves to the notebook's folder (where the notebook kernel runs
    /// it, so that relative paths such as the digits' <c>data/</c> folder mean the same), starts the library, and says so.
    /// </summary>
    /// <param name="notebookFolder">The notebook's folder, relative to the app's own folder (or a full path).</param>
    /// <exception cref="ArgumentNullException"><paramref name="notebookFolder"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (the app was moved away from the course).</exception>
    public static void Start(string notebookFolder)
    {
        Guard.NotNull(notebookFolder, nameof(notebookFolder));
        var folder = Path.GetFullPath(notebookFolder, Path.GetDirectoryName(AppFile.Value)!);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"notebookFolder must be the notebook's folder, but '{notebookFolder}' ({folder}) does not exist.");
        }
        Directory.SetCurrentDirectory(folder);
        NotebookSetup.UseSingleThreadedMathNet();
        var version = typeof(NotebookApp).Assembly.GetName().Version;
        Console.WriteLine($"NeuralNotebooks {version} ready; charts are saved as HTML pages beside {Path.GetFileName(AppFile.Value)}.");
    }

    /// <summary>
    /// Shows what a notebook cell that ends with <paramref name="value"/> would display: a chart is saved as the app's
    /// next HTML page and its path printed; anything else is printed as <see cref="ValueText.Of"/> gives it.
    /// </summary>
    public static void Show(object? value)
    {
        var text = value is GenericChart chart
            ? $"Chart: {Path.GetRelativePath(LaunchFolder, Pages.Value.Save(chart))}"
            : ValueText.Of(value);
        if (text.EndsWith('\n'))
        {
            Console.Write(text);
        }
        else
        {
            Console.WriteLine(text);
        }
    }

    /// <summary>
    /// A per-epoch callback for <c>Train</c> that prints progress lines ("4,200 / 10,000 epochs · loss 0.0123"): the
    /// first epoch's, then at most one every <see cref="ProgressInterval"/>, and always the last epoch's.
    /// </summary>
    public static Action<EpochReport> ShowProgress() => ProgressLine.Every(Console.WriteLine, ProgressInterval);

    /// <summary>
    /// An app's chart pages always carry plotly.js and draw with no network; this sets <see cref="ChartOutput.Offline"/>
    /// like the notebooks' helper of the same name, so lessons that call it run unchanged.
    /// </summary>
    public static void UseOfflineCharts() => ChartOutput.Offline = true;

    // .NET 10's `dotnet run app.cs` records the app's source file in the app's runtime configuration.
    private static string FindAppFile() =>
        AppContext.GetData("EntryPointFilePath") as string
        ?? throw new InvalidOperationException("NotebookApp is for lessons run as file-based apps: run it with 'dotnet run NAME.cs'.");
}
