using System.Diagnostics;
using System.Globalization;

namespace NeuralNotebooks.Data;

/// <summary>
/// Downloads a data set's files into a folder, each checked against its expected length and SHA-256 before it is
/// kept, so a broken or tampered download never lands where a loader would read it.
/// </summary>
public static class Downloader
{
    // No overall time limit (a large file on a slow line takes minutes); instead each wait for the server is limited.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(20) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// Downloads each of <paramref name="files"/> from <paramref name="source"/> into <paramref name="folder"/>,
    /// reporting progress, and keeps each one only once its contents are verified.
    /// </summary>
    /// <remarks>
    /// A file's address is <paramref name="source"/> followed by its name. It is written to a temporary name in the
    /// folder first; only when <see cref="DataFile.Verify"/> accepts it is it renamed to its own name (replacing any
    /// file of that name), so a loader never sees half a file. Progress goes to <paramref name="progress"/> as lines
    /// like "train-labels-idx1-ubyte.gz: 28.8 KB of 28.8 KB (100 %)": the first and last of each file, and at most one
    /// a second between them.
    /// </remarks>
    /// <param name="source">The address of the folder that serves the files (http or https).</param>
    /// <param name="folder">Where to keep them; made if missing.</param>
    /// <param name="files">The files, with their expected lengths and checksums.</param>
    /// <param name="progress">Where progress lines go (a notebook's display, the console), or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="folder"/> or <paramref name="files"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not an absolute http or https address.</exception>
    /// <exception cref="HttpRequestException">The server cannot be reached, answers with an error, or stops sending for a minute; the message names the address. Nothing is kept of that file.</exception>
    /// <exception cref="InvalidDataException">A downloaded file is not the expected one (length, checksum or gzip); it is deleted, not kept.</exception>
    public static void Fetch(Uri source, string folder, IReadOnlyList<DataFile> files, Action<string>? progress = null)
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(folder, nameof(folder));
        Guard.NotNull(files, nameof(files));
        if (!source.IsAbsoluteUri || (source.Scheme != Uri.UriSchemeHttp && source.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"source must be an absolute http or https address, but was '{source}'.", nameof(source));
        }
        var directory = source.AbsoluteUri.EndsWith('/') ? source : new Uri(source.AbsoluteUri + "/");
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            Guard.NotNull(file, nameof(files));
            FetchOne(new Uri(directory, file.Name), folder, file, progress);
        }
    }

    private static void FetchOne(Uri address, string folder, DataFile file, Action<string>? progress)
    {
        var partial = Path.Combine(folder, $"{file.Name}.{Guid.NewGuid():N}.part");
        try
        {
            SaveAsync(address, partial, file.Name, progress).GetAwaiter().GetResult();
            if (file.Problem(partial) is { } problem)
            {
                throw new InvalidDataException($"{address}: not the expected {file.Name}: {problem}; the download was deleted, not kept.");
            }
            File.Move(partial, Path.Combine(folder, file.Name), overwrite: true);
            progress?.Invoke($"{file.Name}: SHA-256 verified; saved in {folder}.");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task SaveAsync(Uri address, string path, string name, Action<string>? progress)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            using var response = await Client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, patience.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var total = response.Content.Headers.ContentLength;
            var body = await response.Content.ReadAsStreamAsync(patience.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var output = File.Create(path);
                await using (output.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    var (received, clock, shown) = (0L, Stopwatch.StartNew(), TimeSpan.Zero);
                    progress?.Invoke(Progress(name, 0, total));
                    while (true)
                    {
                        patience.CancelAfter(Patience);
                        int read;
                        try
                        {
                            read = await body.ReadAsync(buffer, patience.Token).ConfigureAwait(false);
                        }
                        catch (IOException e)
                        {
                            // A connection cut mid-file: a network failure like any other.
                            throw new HttpRequestException($"the connection broke after {Size(received)} ({e.Message.TrimEnd('.')}).", e);
                        }
                        if (read == 0)
                        {
                            break;
                        }
                        await output.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None).ConfigureAwait(false);
                        received += read;
                        if (clock.Elapsed - shown >= ProgressInterval)
                        {
                            shown = clock.Elapsed;
                            progress?.Invoke(Progress(name, received, total));
                        }
                    }
                    progress?.Invoke(Progress(name, received, total));
                }
            }
        }
        catch (OperationCanceledException e) when (patience.IsCancellationRequested)
        {
            throw new HttpRequestException($"{address}: the server sent nothing for {Patience.TotalSeconds:0} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"{address}: {e.Message}", e, e.StatusCode);
        }
    }

    private static string Progress(string name, long received, long? total) =>
        total is { } all && all > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: {Size(received)} of {Size(all)} ({100 * received / all} %)")
            : $"{name}: {Size(received)}";

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}
