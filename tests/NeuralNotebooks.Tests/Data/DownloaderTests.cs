using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

/// <summary>Downloads from a real HTTP server on 127.0.0.1 serving small synthetic Fashion-MNIST files.</summary>
public class DownloaderTests
{
    private static readonly Dictionary<string, byte[]> Contents = IdxFixture.Contents();
    private static readonly IReadOnlyList<DataFile> Files = IdxFixture.Files(Contents);

    [Fact]
    public void Each_file_is_downloaded_with_progress_verified_and_kept_under_its_own_name()
    {
        using var server = new LocalFileServer(Served(Contents));
        var folder = Path.Combine(IdxFixture.NewFolder(), "fashion-mnist");
        var lines = new List<string>();

        Downloader.Fetch(server.Source, folder, Files, lines.Add);

        Assert.Equal(Files.Select(f => f.Name).Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.All(Files, f => f.Verify(Path.Combine(folder, f.Name)));
        var labels = Files[1];
        var size = $"{IdxFixture.Gzip(Contents["train-labels-idx1-ubyte"]).Length / 1024.0:0.0} KB";
        Assert.Contains($"{labels.Name}: 0.0 KB of {size} (0 %)", lines);
        Assert.Contains($"{labels.Name}: {size} of {size} (100 %)", lines);
        Assert.Contains($"{labels.Name}: SHA-256 verified; saved in {folder}.", lines);
        var (train, test) = FashionMnist.Load(folder);
        Assert.Equal((IdxFixture.TrainCount, IdxFixture.TestCount), (train.Count, test.Count));
    }

    [Fact]
    public void A_corrupted_download_is_rejected_and_not_kept()
    {
        var served = Served(Contents);
        served["train-labels-idx1-ubyte.gz"] = IdxFixture.Gzip([.. Contents["train-labels-idx1-ubyte"][..^1], 0]);
        using var server = new LocalFileServer(served);
        var folder = IdxFixture.NewFolder();

        var e = Assert.Throws<InvalidDataException>(() => Downloader.Fetch(server.Source, folder, Files, null));

        Assert.StartsWith($"{server.Source}train-labels-idx1-ubyte.gz: not the expected train-labels-idx1-ubyte.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"where 38 bytes with SHA-256 {Files[1].Sha256} were expected", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("the download was deleted, not kept.", e.Message, StringComparison.Ordinal);
        Assert.Equal(["train-images-idx3-ubyte.gz"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_the_server_does_not_have_is_reported_with_its_address_and_status()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]>());
        var folder = IdxFixture.NewFolder();

        var e = Assert.Throws<HttpRequestException>(() => Downloader.Fetch(server.Source, folder, Files, null));

        Assert.StartsWith($"{server.Source}train-images-idx3-ubyte.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void When_nothing_is_found_Load_downloads_the_files_once_and_then_reads_them()
    {
        using var server = new LocalFileServer(Served(Contents));
        var download = Path.Combine(IdxFixture.NewFolder(), "data", "fashion-mnist");
        var places = FashionMnistTests.Places([IdxFixture.NewFolder()], server.Source, download);
        var lines = new List<string>();

        var (train, _) = FashionMnist.Load(null, lines.Add, places);
        var requests = server.Requests;
        var (again, _) = FashionMnist.Load(null, lines.Add, places);

        Assert.Equal(IdxFixture.TrainCount, train.Count);
        Assert.Equal(train.X, again.X);
        Assert.Equal((4, 4), (requests, server.Requests));
        Assert.Equal($"Fashion-MNIST is not on this machine: downloading it once from {server.Source} into {download}.", lines[0]);
        Assert.Equal($"Reading Fashion-MNIST from {download}.", lines[^1]);
    }

    [Fact]
    public void A_server_that_is_down_gives_one_line_saying_where_it_looked_and_how_to_get_the_files()
    {
        var (empty, download, source) = (IdxFixture.NewFolder(), IdxFixture.NewFolder(), LocalFileServer.Down());

        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(null, null, FashionMnistTests.Places([empty], source, download)));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith($"Fashion-MNIST is in none of {empty}, and downloading it failed ({source}train-images-idx3-ubyte.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Install it with 'sudo apt install dataset-fashion-mnist', or download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"from {source} into {download}.", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(download));
    }

    [Fact]
    public void A_source_that_is_not_an_http_address_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Downloader.Fetch(new Uri("file:///tmp/files/"), IdxFixture.NewFolder(), Files));

        Assert.Equal("source", e.ParamName);
        Assert.Contains("file:///tmp/files/", e.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Served(Dictionary<string, byte[]> contents) =>
        contents.ToDictionary(c => c.Key + ".gz", c => IdxFixture.Gzip(c.Value));
}
