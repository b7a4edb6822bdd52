namespace NeuralNotebooks.Data;

/// <summary>
/// Where data sets that do not ship with the repository live: a folder of your own named by an environment
/// variable, and the repository's git-ignored <c>data/</c> folder.
/// </summary>
public static class DataFolders
{
    /// <summary>
    /// The environment variable that names a folder of data sets, one subfolder per data set named as in the
    /// repository's <c>data/</c> folder (so <c>$NEURALNOTEBOOKS_DATA/fashion-mnist/</c>): one setting serves every data set.
    /// </summary>
    public const string EnvironmentVariable = "NEURALNOTEBOOKS_DATA";

    /// <summary>The data set's folder under <see cref="EnvironmentVariable"/>, or null when the variable is not set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static string? FromEnvironment(string dataset) =>
        FromEnvironment(dataset, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// The data set's folder in the repository: <c>data/<paramref name="dataset"/></c> in the nearest folder, from the
    /// current one upwards, that has a <c>data</c> folder (the repository's root has one); in the current folder
    /// when none has.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static string InRepository(string dataset) => InRepository(dataset, Directory.GetCurrentDirectory());

    internal static string? FromEnvironment(string dataset, string? variable)
    {
        Guard.NotNull(dataset, nameof(dataset));
        return string.IsNullOrWhiteSpace(variable) ? null : Path.Combine(Path.GetFullPath(variable), dataset);
    }

    internal static string InRepository(string dataset, string start)
    {
        Guard.NotNull(dataset, nameof(dataset));
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "data")))
            {
                return Path.Combine(folder.FullName, "data", dataset);
            }
        }
        return Path.Combine(Path.GetFullPath(start), "data", dataset);
    }
}
