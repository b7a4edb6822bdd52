using System.Buffers.Binary;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class FashionMnistTests
{
    [Fact]
    public void Debians_files_load_as_60000_training_and_10000_test_images_with_every_class_equally_often()
    {
        var (train, test) = FashionMnist.Load(FashionMnist.DebianFolder);

        Assert.Equal((60_000, 784, 10), (train.Count, train.X.ColumnCount, train.y.ColumnCount));
        Assert.Equal((10_000, 784, 10), (test.Count, test.X.ColumnCount, test.y.ColumnCount));
        Assert.All(Enumerable.Range(0, 10), k => Assert.Equal(6_000, train.Labels.Count(l => l == k)));
        Assert.All(Enumerable.Range(0, 10), k => Assert.Equal(1_000, test.Labels.Count(l => l == k)));
        // Read from the file with Python: the first training image is an ankle boot whose byte 350 is 222; the last
        // test image's pixels add up to 24,390.
        Assert.Equal("Ankle boot", train.ClassNames[train.Labels[0]]);
        Assert.Equal(222 / 255.0, train.X[0, 350]);
        Assert.Equal(24_390, test.X.Row(9_999).Sum() * 255, precision: 6);
        Assert.True(train.X.Enumerate().All(v => v >= 0 && v <= 1));
    }

    [Fact]
    public void The_expected_checksums_match_Debians_files()
    {
        Assert.All(FashionMnist.Files, file => file.Verify(Path.Combine(FashionMnist.DebianFolder, file.Name)));
    }

    [Fact]
    public void The_class_names_are_the_ten_of_the_Fashion_MNIST_paper_in_label_order()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            FashionMnist.ClassNames);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plain_and_gzipped_files_give_each_pixel_over_255_and_one_hot_labels(bool gzipped)
    {
        var folder = IdxFixture.Folder(IdxFixture.Contents(), gzipped);

        var (train, test) = FashionMnist.Load(folder);

        Assert.Equal((IdxFixture.TrainCount, IdxFixture.TestCount), (train.Count, test.Count));
        Assert.All(Enumerable.Range(0, train.Count), i =>
        {
            Assert.All(Enumerable.Range(0, 784), p => Assert.Equal(IdxFixture.Pixel(i, p) / 255.0, train.X[i, p]));
            Assert.Equal(IdxFixture.Label(i), train.Labels[i]);
            Assert.Equal(1, train.y.Row(i).Sum());
        });
        Assert.Equal(IdxFixture.Pixel(11, 783) / 255.0, test.X[11, 783]);
        Assert.Equal(FashionMnist.ClassNames, test.ClassNames);
        Assert.Equal("fashion-mnist (train)", train.Name);
    }

    [Fact]
    public void Without_a_folder_it_reads_the_first_place_that_has_all_four_files()
    {
        var incomplete = IdxFixture.Folder(IdxFixture.Contents(), gzipped: true);
        File.Delete(Path.Combine(incomplete, "t10k-labels-idx1-ubyte.gz"));
        var first = IdxFixture.Folder(IdxFixture.Contents(trainCount: 20), gzipped: false);
        var second = IdxFixture.Folder(IdxFixture.Contents(trainCount: 25), gzipped: true);
        var lines = new List<string>();

        var (train, _) = FashionMnist.Load(null, lines.Add, Places([incomplete, first, second], LocalFileServer.Down()));

        Assert.Equal(20, train.Count);
        Assert.Equal([$"Reading Fashion-MNIST from {first}."], lines);
    }

    [Fact]
    public void A_given_folder_is_the_only_place_looked_in_and_the_missing_file_is_named()
    {
        var folder = IdxFixture.Folder(IdxFixture.Contents(), gzipped: true);
        File.Delete(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        var complete = IdxFixture.Folder(IdxFixture.Contents(), gzipped: true);

        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder, null, Places([complete], LocalFileServer.Down())));

        Assert.StartsWith("folder must hold", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{folder}' has no train-labels-idx1-ubyte.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_places_are_the_variables_folder_then_the_repositorys_then_Debians()
    {
        var places = FashionMnist.SearchFolders;

        Assert.Equal(FashionMnist.DebianFolder, places[^1]);
        Assert.Equal(Path.Combine(Notebooks.CourseNotebooks.Root, "data", "fashion-mnist"), DataFolders.InRepository("fashion-mnist", AppContext.BaseDirectory));
        Assert.Equal("/data/sets/fashion-mnist", DataFolders.FromEnvironment("fashion-mnist", "/data/sets"));
        Assert.Null(DataFolders.FromEnvironment("fashion-mnist", ""));
    }

    public static TheoryData<string, string, string> Corruptions => new()
    {
        // file to damage, how, what the message must say
        { "train-images-idx3-ubyte", "magic", "magic number 0x00000801, where an IDX file of images starts with 0x00000803" },
        { "train-images-idx3-ubyte", "27 rows", "images of 27×28 pixels, but Fashion-MNIST's are 28×28" },
        { "train-images-idx3-ubyte", "truncated", "but the file holds 23,420 bytes of them (it is truncated)" },
        { "t10k-images-idx3-ubyte", "extra", "(5 bytes too many)" },
        { "train-labels-idx1-ubyte", "header only", "the file holds 7 bytes, too few for the 8-byte header of an IDX file of labels" },
        { "train-labels-idx1-ubyte", "label 10", "the label at position 3 (counting from 0) is 10, but Fashion-MNIST's labels are 0 to 9" },
        { "t10k-labels-idx1-ubyte", "count", "holds 11 labels, but" },
        { "train-images-idx3-ubyte.gz", "not gzip", "not a valid gzip file" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_file_is_named_with_what_is_wrong(string file, string damage, string expected)
    {
        var contents = IdxFixture.Contents();
        var plain = file.Replace(".gz", "", StringComparison.Ordinal);
        contents[plain] = Damage(contents[plain], damage);
        var folder = IdxFixture.Folder(contents, gzipped: false);
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            File.Delete(Path.Combine(folder, plain));
            File.WriteAllBytes(Path.Combine(folder, file), contents[plain]);
        }

        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(folder));

        Assert.StartsWith(Path.Combine(folder, file) + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_cut_short_is_named_as_truncated()
    {
        var contents = IdxFixture.Contents();
        var folder = IdxFixture.Folder(contents, gzipped: true);
        var path = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        var gzipped = File.ReadAllBytes(path);
        File.WriteAllBytes(path, gzipped[..(gzipped.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(folder));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_header_claiming_more_than_the_file_can_hold_is_rejected_before_anything_is_allocated_for_it()
    {
        var contents = IdxFixture.Contents();
        BinaryPrimitives.WriteInt32BigEndian(contents["train-images-idx3-ubyte"].AsSpan(4), 2_000_000_000);
        var folder = IdxFixture.Folder(contents, gzipped: true);

        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(folder));

        Assert.Contains("train-images-idx3-ubyte.gz: the header announces 2,000,000,000×28×28 images (1,568,000,000,000 bytes), more than the file can hold (it is corrupt).", e.Message, StringComparison.Ordinal);
    }

    internal static FashionMnist.Places Places(IReadOnlyList<string> folders, Uri source, string? downloadFolder = null) =>
        new(folders, downloadFolder ?? IdxFixture.NewFolder(), source, IdxFixture.Files(IdxFixture.Contents()));

    private static byte[] Damage(byte[] bytes, string how)
    {
        var copy = bytes.ToArray();
        switch (how)
        {
            case "magic":
                BinaryPrimitives.WriteInt32BigEndian(copy, 0x00000801);
                return copy;
            case "27 rows":
                return IdxFixture.Images(IdxFixture.TrainCount, rows: 27);
            case "truncated":
                return copy[..(16 + 23_420)];
            case "extra":
                return [.. copy, 1, 2, 3, 4, 5];
            case "header only":
                return copy[..7];
            case "label 10":
                copy[8 + 3] = 10;
                return copy;
            case "count":
                return IdxFixture.Labels(11);
            case "not gzip":
                return "this is not gzip at all, just text"u8.ToArray();
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, "unknown damage");
        }
    }
}
