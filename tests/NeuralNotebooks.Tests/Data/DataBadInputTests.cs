using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

/// <summary>
/// Every bad input to the data and metrics API, in one table: each gets its exception type, names the parameter and
/// the value it got, and leaves its inputs as they were.
/// </summary>
public class DataBadInputTests
{
    private const string Hash = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34";
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    /// <summary>One bad call: the matrices it is given (checked unchanged afterwards), the call, and what it must throw.</summary>
    private sealed record BadCall(Matrix<double>[] Inputs, Action<Matrix<double>[]> Call, Type Exception, string Parameter, string Shown);

    private static Matrix<double> Four() => M.DenseOfRowArrays([0.0, 0], [0.0, 1], [1.0, 0], [1.0, 1]);

    private static Matrix<double> Targets() => M.DenseOfRowArrays([0.0], [1], [1], [0]);

    private static Matrix<double> With(Matrix<double> matrix, int i, int j, double value)
    {
        matrix[i, j] = value;
        return matrix;
    }

    private static readonly Dictionary<string, BadCall> Cases = new()
    {
        ["Generate, null name"] = new([], _ => Datasets.Generate(null!), typeof(ArgumentNullException), "dataset", "null"),
        ["Generate, unknown name"] = new([], _ => Datasets.Generate("swirl"), typeof(ArgumentException), "dataset", "'swirl'"),
        ["Generate, int.MaxValue samples"] = new([], _ => Datasets.Generate("circle", samples: int.MaxValue), typeof(ArgumentOutOfRangeException), "samples", "but was 2147483647."),
        ["Generate, 3 samples"] = new([], _ => Datasets.Generate("moons", samples: 3), typeof(ArgumentOutOfRangeException), "samples", "but was 3."),
        ["Generate, NaN noise"] = new([], _ => Datasets.Generate("xor", noise: double.NaN), typeof(ArgumentOutOfRangeException), "noise", "NaN"),
        ["Spiral, negative seed"] = new([], _ => Datasets.Spiral(seed: -1), typeof(ArgumentOutOfRangeException), "seed", "-1"),
        ["Xor.Expected, NaN"] = new([], _ => Xor.Expected(double.NaN, 0), typeof(ArgumentOutOfRangeException), "x1", "NaN"),

        ["Dataset, null name"] = new([Four(), Targets()], m => _ = new Dataset(null!, m[0], m[1]), typeof(ArgumentNullException), "name", "null"),
        ["Dataset, null X"] = new([Targets()], m => _ = new Dataset("d", null!, m[0]), typeof(ArgumentNullException), "X", "null"),
        ["Dataset, null y"] = new([Four()], m => _ = new Dataset("d", m[0], null!), typeof(ArgumentNullException), "y", "null"),
        ["Dataset, y with fewer rows"] = new([Four(), M.Dense(3, 1)], m => _ = new Dataset("d", m[0], m[1]), typeof(ArgumentException), "y", "y must be 4×n (one target row per row of X), but was 3×1."),
        ["Dataset, X with no rows"] = new([M.Dense(0, 2), M.Dense(0, 1)], m => _ = new Dataset("d", m[0], m[1]), typeof(ArgumentException), "X", "but was 0×2."),
        ["Dataset, NaN in X"] = new([With(Four(), 2, 1, double.NaN), Targets()], m => _ = new Dataset("d", m[0], m[1]), typeof(ArgumentException), "X", "X[2, 1] must be a finite number, but was NaN."),
        ["Dataset, infinity in y"] = new([Four(), With(Targets(), 3, 0, double.PositiveInfinity)], m => _ = new Dataset("d", m[0], m[1]), typeof(ArgumentException), "y", "y[3, 0] must be a finite number, but was Infinity."),
        ["Dataset, one class name for two classes"] = new([Four(), Targets()], m => _ = new Dataset("d", m[0], m[1], ["only"]), typeof(ArgumentException), "classNames", "each of the 2 classes of y, but had 1."),
        ["Dataset, scaler for other columns"] = new([Four(), Targets(), M.Dense(2, 3, 1.0)], m => _ = new Dataset("d", m[0], m[1], scaler: FeatureScaler.Fit(m[2], Scaling.MinMax)), typeof(ArgumentException), "scaler", "the 2 columns of X, but scales 3."),
        ["Take, null rows"] = new([Four(), Targets()], m => new Dataset("d", m[0], m[1]).Take(null!, "part"), typeof(ArgumentNullException), "rows", "null"),
        ["Take, no rows"] = new([Four(), Targets()], m => new Dataset("d", m[0], m[1]).Take([], "part"), typeof(ArgumentException), "rows", "but was empty."),
        ["Take, a row past the end"] = new([Four(), Targets()], m => new Dataset("d", m[0], m[1]).Take([0, 4], "part"), typeof(ArgumentOutOfRangeException), "rows[1]", "rows[1] must be from 0 to 3, but was 4."),
        ["Take, null part"] = new([Four(), Targets()], m => new Dataset("d", m[0], m[1]).Take([0], null!), typeof(ArgumentNullException), "part", "null"),
        ["Split, NaN fraction"] = new([Four(), Targets()], m => new Dataset("d", m[0], m[1]).Split(double.NaN), typeof(ArgumentOutOfRangeException), "testFraction", "but was NaN."),

        ["Accuracy, null y"] = new([Four()], m => Metrics.Accuracy(m[0], null!), typeof(ArgumentNullException), "y", "null"),
        ["Accuracy, null outputs"] = new([Targets()], m => Metrics.Accuracy(null!, m[0]), typeof(ArgumentNullException), "outputs", "null"),
        ["Accuracy, outputs of another shape"] = new([M.Dense(3, 1), Targets()], m => Metrics.Accuracy(m[0], m[1]), typeof(ArgumentException), "outputs", "but was 3×1."),
        ["Accuracy, NaN output"] = new([With(Targets(), 1, 0, double.NaN), Targets()], m => Metrics.Accuracy(m[0], m[1]), typeof(ArgumentException), "outputs", "outputs[1, 0] must be a finite number, but was NaN."),
        ["Classes, null"] = new([], _ => Metrics.Classes(null!), typeof(ArgumentNullException), "outputs", "null"),
        ["ConfusionMatrix, null actual"] = new([], _ => Metrics.ConfusionMatrix(null!, [1], 2), typeof(ArgumentNullException), "actual", "null"),
        ["ConfusionMatrix, null predicted"] = new([], _ => Metrics.ConfusionMatrix([1], null!, 2), typeof(ArgumentNullException), "predicted", "null"),
        ["ConfusionMatrix, int.MaxValue classes"] = new([], _ => Metrics.ConfusionMatrix([1], [1], int.MaxValue), typeof(ArgumentOutOfRangeException), "classes", "classes must be from 2 to 46340, but was 2147483647."),
        ["ConfusionMatrix, a class out of range"] = new([], _ => Metrics.ConfusionMatrix([0, 1, 5], [0, 1, 1], 3), typeof(ArgumentOutOfRangeException), "actual[2]", "actual[2] must be from 0 to 2, but was 5."),

        ["FeatureScaler.Fit, null X"] = new([], _ => FeatureScaler.Fit(null!, Scaling.MinMax), typeof(ArgumentNullException), "X", "null"),
        ["FeatureScaler.Apply, null X"] = new([Four()], m => FeatureScaler.Fit(m[0], Scaling.MinMax).Apply(null!), typeof(ArgumentNullException), "X", "null"),
        ["Csv.Load, null path"] = new([], _ => Csv.Load(null!, "label"), typeof(ArgumentNullException), "path", "null"),
        ["Csv.Load, null label"] = new([], _ => Csv.Load("data.csv", null!), typeof(ArgumentNullException), "label", "null"),
        ["Csv.Load, unknown scaling"] = new([], _ => Csv.Load("data.csv", 0, (Scaling)9), typeof(ArgumentOutOfRangeException), "scaling", "but was 9."),
        ["DataFile, null name"] = new([], m => _ = new DataFile(null!, 1, Hash), typeof(ArgumentNullException), "name", "null"),
        ["DataFile, a name with a folder"] = new([], m => _ = new DataFile("../x.gz", 1, Hash), typeof(ArgumentException), "name", "'../x.gz'"),
        ["DataFile, negative length"] = new([], m => _ = new DataFile("x.gz", -1, Hash), typeof(ArgumentOutOfRangeException), "length", "but was -1."),
        ["DataFile, short checksum"] = new([], m => _ = new DataFile("x.gz", 1, "abc"), typeof(ArgumentException), "sha256", "'abc'"),
        ["DataFile.Verify, null path"] = new([], _ => new DataFile("x.gz", 1, Hash).Verify(null!), typeof(ArgumentNullException), "path", "null"),
        ["Downloader.Fetch, null source"] = new([], _ => Downloader.Fetch(null!, "folder", []), typeof(ArgumentNullException), "source", "null"),
        ["Downloader.Fetch, null folder"] = new([], _ => Downloader.Fetch(new Uri("http://127.0.0.1/"), null!, []), typeof(ArgumentNullException), "folder", "null"),
        ["Downloader.Fetch, null files"] = new([], _ => Downloader.Fetch(new Uri("http://127.0.0.1/"), "folder", null!), typeof(ArgumentNullException), "files", "null"),
        ["DataFolders, null data set"] = new([], _ => DataFolders.InRepository(null!), typeof(ArgumentNullException), "dataset", "null"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_to_the_data_API_is_rejected_naming_the_parameter_and_the_value_and_changing_nothing(string name)
    {
        var bad = Cases[name];
        var before = bad.Inputs.Select(m => m.Clone()).ToArray();

        var e = Assert.Throws(bad.Exception, () => bad.Call(bad.Inputs));

        var argument = Assert.IsAssignableFrom<ArgumentException>(e);
        Assert.Equal(bad.Parameter, argument.ParamName);
        Assert.Contains(bad.Parameter, e.Message, StringComparison.Ordinal);
        Assert.Contains(bad.Shown, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message.Split(" (Parameter '")[0]);
        Assert.Equal(before.Select(m => m.ToColumnMajorArray()), bad.Inputs.Select(m => m.ToColumnMajorArray()));
    }

    [Fact]
    public void A_sample_count_beyond_what_fits_in_memory_is_rejected_with_the_limit_and_why()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Generate("spiral", samples: int.MaxValue));

        Assert.Matches(@"^samples must be from 4 to [0-9,]+ \(the points (that fit in this machine's [0-9.]+ GB at 24 bytes each|whose 2 numbers each fit in one \.NET array)\), but was 2147483647\.", e.Message);
    }
}
