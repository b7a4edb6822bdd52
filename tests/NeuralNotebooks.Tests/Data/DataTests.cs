using System.IO.Compression;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class DataTests
{
    [Theory]
    [InlineData("xor")]
    [InlineData("circle")]
    [InlineData("gaussian")]
    [InlineData("spiral")]
    [InlineData("moons")]
    public void Each_dataset_is_seeded_balanced_and_noisier_with_more_noise(string name)
    {
        var a = Datasets.Generate(name, 100, 0.1, seed: 3);
        var b = Datasets.Generate(name, 100, 0.1, seed: 3);
        var quiet = Datasets.Generate(name, 100, 0.0, seed: 3);

        Assert.Equal(a.X, b.X);
        Assert.NotEqual(a.X, Datasets.Generate(name, 100, 0.1, seed: 4).X);
        Assert.NotEqual(a.X, quiet.X);
        Assert.InRange(a.Labels.Count(l => l == 1), 35, 65);
        Assert.True(a.X.Enumerate().All(v => Math.Abs(v) < 2));
    }

    [Fact]
    public void Xor_labels_are_one_exactly_where_the_coordinates_differ_in_sign_without_noise()
    {
        var data = Datasets.Xor(200, 0, seed: 1);

        Assert.All(Enumerable.Range(0, data.Count), i => Assert.Equal(data.X[i, 0] * data.X[i, 1] < 0 ? 1 : 0, data.Labels[i]));
    }

    [Fact]
    public void Unknown_datasets_negative_noise_and_too_few_samples_are_rejected()
    {
        Assert.Equal("dataset", Assert.Throws<ArgumentException>(() => Datasets.Generate("swirl")).ParamName);
        var noise = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circle(100, -0.5));
        Assert.Equal("noise", noise.ParamName);
        Assert.Contains("-0.5", noise.Message, StringComparison.Ordinal);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(3)).ParamName);
    }

    [Fact]
    public void The_shipped_digits_are_1797_images_of_64_pixels_with_every_digit()
    {
        var digits = Digits.Load(Path.Combine(Notebooks.CourseNotebooks.Root, Digits.RelativePath));

        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.X.ColumnCount);
        Assert.Equal(10, digits.Classes);
        Assert.True(digits.X.Enumerate().All(v => v >= 0 && v <= 1));
        Assert.All(Enumerable.Range(0, 10), d => Assert.InRange(digits.Labels.Count(l => l == d), 170, 190));
    }

    [Fact]
    public void A_missing_digits_file_is_named_in_the_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Digits.Load("/nowhere/digits.csv.gz"));

        Assert.Contains("/nowhere/digits.csv.gz", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2,3", "line 3", "found 3")]
    [InlineData("x", "line 3", "found 1")]
    public void A_malformed_line_is_reported_with_its_number(string badLine, string where, string what)
    {
        var e = Assert.Throws<InvalidDataException>(() => Digits.Load(WriteDigits(badLine)));

        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pixel_out_of_range_is_reported_with_its_line_and_position()
    {
        var line = string.Join(",", Enumerable.Repeat("0", 10).Append("17").Concat(Enumerable.Repeat("0", 53)).Append("4"));

        var e = Assert.Throws<InvalidDataException>(() => Digits.Load(WriteDigits(line)));

        Assert.Contains("line 3: pixel 11", e.Message, StringComparison.Ordinal);
        Assert.Contains("'17'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_is_seeded_disjoint_and_complete()
    {
        var data = Datasets.Circle(100, 0.1, seed: 1);

        var (train, test) = data.Split(0.2, seed: 5);
        var (train2, _) = data.Split(0.2, seed: 5);

        Assert.Equal((80, 20), (train.Count, test.Count));
        Assert.Equal(train.X, train2.X);
        var all = train.X.EnumerateRows().Concat(test.X.EnumerateRows()).Select(r => (r[0], r[1])).ToHashSet();
        Assert.Equal(data.X.EnumerateRows().Select(r => (r[0], r[1])).ToHashSet(), all);
        Assert.Equal("testFraction", Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(1.0)).ParamName);
    }

    [Fact]
    public void A_subset_keeps_the_class_names_and_the_scaling_and_takes_the_rows_asked_for()
    {
        var iris = Csv.Load(Path.Combine(Notebooks.CourseNotebooks.Root, "data", "iris", "iris.csv"), "species", Scaling.MinMax);

        var some = iris.Take([149, 0, 0], "some");

        Assert.Equal("iris (some)", some.Name);
        Assert.Equal(iris.X.Row(149), some.X.Row(0));
        Assert.Equal(iris.X.Row(0), some.X.Row(2));
        Assert.Equal([2, 0, 0], some.Labels);
        Assert.Equal(iris.ClassNames, some.ClassNames);
        Assert.Same(iris.Scaler, some.Scaler);
    }

    [Fact]
    public void Without_class_names_the_classes_are_called_by_their_numbers()
    {
        Assert.Equal(["0", "1"], Datasets.Xor(8).ClassNames);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(d => $"{d}")], Digits.Load(Path.Combine(Notebooks.CourseNotebooks.Root, Digits.RelativePath)).ClassNames);
    }

    [Fact]
    public void Accuracy_and_the_confusion_matrix_count_what_they_should()
    {
        var y = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays([1.0, 0, 0], [0.0, 1, 0], [0.0, 0, 1], [0.0, 0, 1]);
        var outputs = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays([0.8, 0.1, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3]);

        Assert.Equal(0.5, Metrics.Accuracy(outputs, y));
        var counts = Metrics.ConfusionMatrix(Metrics.Classes(y), Metrics.Classes(outputs), 3);
        Assert.Equal(1, counts[0, 0]);
        Assert.Equal(1, counts[1, 0]);
        Assert.Equal(1, counts[2, 2]);
        Assert.Equal(1, counts[2, 1]);
        Assert.Equal(4, counts.Cast<int>().Sum());
    }

    private static string WriteDigits(string thirdLine)
    {
        var good = string.Join(",", Enumerable.Repeat("0", 64).Append("1"));
        var path = Path.Combine(Path.GetTempPath(), $"digits-{Guid.NewGuid():N}.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write($"{good}\n{good}\n{thirdLine}\n{good}\n");
        }
        return path;
    }
}
