namespace NeuralNotebooks.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, 2017; MIT licence): 70,000 grey 28×28 images of clothing in ten classes,
/// 60,000 for training and 10,000 for testing, in the four IDX files of the original MNIST's format.
/// </summary>
/// <remarks>
/// <see cref="Load(string?, Action{string}?)"/> looks for the files, in this order: the folder it is given (and only there, when given);
/// <c>$NEURALNOTEBOOKS_DATA/fashion-mnist/</c> (see <see cref="DataFolders.EnvironmentVariable"/>);
/// <c>data/fashion-mnist/</c> in the repository (git-ignored); Debian's <c>dataset-fashion-mnist</c> package in
/// <see cref="DebianFolder"/>. When none has them it downloads them once from <see cref="Source"/> into the
/// repository's <c>data/fashion-mnist/</c>, checking each against <see cref="Files"/>.
/// </remarks>
public static class FashionMnist
{
    /// <summary>The folder name under the repository's data/ and under $NEURALNOTEBOOKS_DATA.</summary>
    public const string FolderName = "fashion-mnist";

    /// <summary>Where Debian's (and Ubuntu's) <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The Fashion-MNIST project's published location of the four gzipped files.</summary>
    public static Uri Source { get; } = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /// <summary>The ten classes, in label order: label 0 is "T-shirt/top", label 9 "Ankle boot".</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// The four files (training images and labels, test images and labels) with the length and SHA-256 of their
    /// decompressed contents; in a folder each may be gzipped (the name given here) or not (without .gz).
    /// </summary>
    public static IReadOnlyList<DataFile> Files { get; } =
    [
        new("train-images-idx3-ubyte.gz", 47_040_016, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
        new("train-labels-idx1-ubyte.gz", 60_008, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
        new("t10k-images-idx3-ubyte.gz", 7_840_016, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
        new("t10k-labels-idx1-ubyte.gz", 10_008, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
    ];

    /// <summary>Where <see cref="Load(string?, Action{string}?)"/> looks when it is not given a folder, in order.</summary>
    public static IReadOnlyList<string> SearchFolders => Places.Default().Folders;

    /// <summary>
    /// Loads the training set (60,000 images) and the test set (10,000): X holds each image's 784 pixels, row by row,
    /// as intensities from 0 (background) to 1; y is one-hot over the ten classes, named by <see cref="ClassNames"/>.
    /// </summary>
    /// <remarks>
    /// Intensity = byte / 255. Where it looks, and the download when it finds nothing, are in the class's remarks.
    /// Each file is read in one piece and written straight into the matrices' storage; the test set is read on a
    /// second thread meanwhile. The two sets take about 440 MB (8 bytes a pixel).
    /// </remarks>
    /// <param name="folder">A folder holding the four files (gzipped or not); when given, the only place looked in.</param>
    /// <param name="progress">Where to report which folder it reads and the download's progress, or null.</param>
    /// <exception cref="FileNotFoundException">
    /// <paramref name="folder"/> lacks a file; or nothing was found and the download failed: the one-line message says
    /// where it looked and how to get the files.
    /// </exception>
    /// <exception cref="InvalidDataException">A file is truncated or corrupt, or a download was not the expected file; the message names the file and what is wrong.</exception>
    public static (Dataset Train, Dataset Test) Load(string? folder = null, Action<string>? progress = null) =>
        Load(folder, progress, Places.Default());

    /// <summary>
    /// Downloads whichever of the four files <paramref name="folder"/> lacks from <see cref="Source"/>, verified,
    /// and returns the folder.
    /// </summary>
    /// <param name="folder">Where to put them; the repository's <c>data/fashion-mnist/</c> when not given.</param>
    /// <param name="progress">Where progress lines go, or null.</param>
    /// <exception cref="HttpRequestException">The download failed; the message names the address.</exception>
    /// <exception cref="InvalidDataException">A downloaded file was not the expected one; it was not kept.</exception>
    public static string Download(string? folder = null, Action<string>? progress = null)
    {
        var places = Places.Default();
        folder ??= places.DownloadFolder;
        Downloader.Fetch(places.Source, folder, [.. places.Files.Where(f => FashionMnistReader.Find(folder, f) is null)], progress);
        return folder;
    }

    internal static (Dataset Train, Dataset Test) Load(string? folder, Action<string>? progress, Places places)
    {
        if (folder is not null)
        {
            if (Missing(folder, places.Files) is { } missing)
            {
                throw new FileNotFoundException(
                    $"folder must hold Fashion-MNIST's four files ({Describe(places.Files)}, each gzipped or not), but '{folder}' has no {missing}.",
                    Path.Combine(folder, missing));
            }
            return Read(folder, places.Files, progress);
        }
        if (places.Folders.FirstOrDefault(f => Missing(f, places.Files) is null) is { } found)
        {
            return Read(found, places.Files, progress);
        }
        var lacking = places.Files.Where(f => FashionMnistReader.Find(places.DownloadFolder, f) is null).ToList();
        progress?.Invoke($"Fashion-MNIST is not on this machine: downloading it once from {places.Source} into {places.DownloadFolder}.");
        try
        {
            Downloader.Fetch(places.Source, places.DownloadFolder, lacking, progress);
        }
        catch (HttpRequestException e)
        {
            throw new FileNotFoundException(
                $"Fashion-MNIST is in none of {string.Join(", ", places.Folders)}, and downloading it failed ({e.Message.TrimEnd('.')}). " +
                $"Install it with 'sudo apt install dataset-fashion-mnist', or download {Describe(places.Files)} from {places.Source} into {places.DownloadFolder}.",
                e);
        }
        return Read(places.DownloadFolder, places.Files, progress);
    }

    private static (Dataset Train, Dataset Test) Read(string folder, IReadOnlyList<DataFile> files, Action<string>? progress)
    {
        progress?.Invoke($"Reading Fashion-MNIST from {folder}.");
        var paths = files.Select(f => FashionMnistReader.Find(folder, f)!).ToArray();
        // Decompressing is most of the time, so the test set is read on the other core meanwhile.
        var test = Task.Run(() => FashionMnistReader.Read(paths[2], paths[3], "test", ClassNames));
        var train = FashionMnistReader.Read(paths[0], paths[1], "train", ClassNames);
        return (train, test.GetAwaiter().GetResult());
    }

    private static string? Missing(string folder, IReadOnlyList<DataFile> files) =>
        files.FirstOrDefault(f => FashionMnistReader.Find(folder, f) is null) is { } file ? FashionMnistReader.PlainName(file) : null;

    private static string Describe(IReadOnlyList<DataFile> files) => string.Join(", ", files.Select(f => f.Name));

    /// <summary>Where to look, where to download to, and from where: the defaults, or a test's own.</summary>
    internal sealed record Places(IReadOnlyList<string> Folders, string DownloadFolder, Uri Source, IReadOnlyList<DataFile> Files)
    {
        public static Places Default()
        {
            var repository = DataFolders.InRepository(FolderName);
            string?[] folders = [DataFolders.FromEnvironment(FolderName), repository, DebianFolder];
            return new Places([.. folders.OfType<string>()], repository, FashionMnist.Source, FashionMnist.Files);
        }
    }
}
