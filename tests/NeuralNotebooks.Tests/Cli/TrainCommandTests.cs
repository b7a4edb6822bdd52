using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Cli;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Tests.Data;
using NeuralNotebooks.Tests.Onnx;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Cli;

public class TrainCommandTests
{
    [Fact]
    public void Training_a_data_set_prints_progress_and_the_final_accuracies()
    {
        var (exitCode, output, error) = Run(["train", "--dataset", "circle", "--epochs", "120", "--layers", "8", "--learning-rate", "0.05"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Training 2-8-1 (relu, sigmoid output, bce) on circle: 160 training and 40 test examples; adam (η = 0.05), batches of 32.\n", output, StringComparison.Ordinal);
        Assert.Contains("120 / 120 epochs · loss ", output, StringComparison.Ordinal);
        var accuracy = System.Text.RegularExpressions.Regex.Match(output, @"test accuracy ([0-9.]+) %");
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 90, output);
    }

    [Fact]
    public void The_digits_train_with_ten_softmax_outputs()
    {
        var path = Path.Combine(Notebooks.CourseNotebooks.Root, "data", "digits", "digits.csv.gz");

        var (exitCode, output, _) = Run(["train", "--dataset", "digits", "--data", path, "--epochs", "5", "--layers", "16"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("64-16-10 (relu, softmax output, softmax-ce) on digits", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_output()
    {
        string[] arguments = ["train", "--dataset", "moons", "--epochs", "30", "--seed", "4"];

        Assert.Equal(Run(arguments).Output.Split('\n')[^2], Run(arguments).Output.Split('\n')[^2]);
    }

    [Theory]
    [InlineData("--dataset swirl", "--dataset", "'swirl'")]
    [InlineData("--epochs 5", "--dataset", "required")]
    [InlineData("--dataset circle --activation swish", "--activation", "'swish'")]
    [InlineData("--dataset circle --loss hinge", "--loss", "'hinge'")]
    [InlineData("--dataset circle --optimizer rmsprop", "--optimizer", "'rmsprop'")]
    [InlineData("--dataset circle --initializer zeros", "--initializer", "'zeros'")]
    [InlineData("--dataset circle --layers 8,0", "--layers", "'8,0'")]
    [InlineData("--dataset circle --layers 8,x", "--layers", "'8,x'")]
    [InlineData("--dataset circle --batch-size 500", "--batch-size", "500")]
    [InlineData("--dataset circle --batch-size 0", "--batch-size", "0")]
    [InlineData("--dataset circle --learning-rate -1", "--learning-rate", "-1")]
    [InlineData("--dataset circle --l2 -0.5", "--l2", "-0.5")]
    [InlineData("--dataset circle --noise -2", "--noise", "-2")]
    [InlineData("--dataset circle --samples 2", "--samples", "2")]
    [InlineData("--dataset circle --test-fraction 1", "--test-fraction", "1")]
    [InlineData("--dataset circle --epochs -1", "--epochs", "-1")]
    [InlineData("--dataset digits --data /no/such/digits.csv.gz", "--data", "/no/such/digits.csv.gz")]
    [InlineData("--dataset fashion-mnist --data /no/such/folder", "--data", "'/no/such/folder' has no train-images-idx3-ubyte")]
    [InlineData("--dataset fashion-mnist --test-fraction 0.1", "--test-fraction", "0.1")]
    [InlineData("--csv /no/such/file.csv --label species", "--csv", "'/no/such/file.csv'")]
    [InlineData("--csv iris.csv --label species --dataset circle", "--csv", "--dataset")]
    [InlineData("--csv iris.csv", "--label", "required")]
    [InlineData("--csv iris.csv --label species --data data/iris", "--data", "'data/iris'")]
    [InlineData("--csv iris.csv --label species --scaling log", "--scaling", "'log'")]
    [InlineData("--csv iris.csv --label species --header maybe", "--header", "'maybe'")]
    [InlineData("--dataset circle --label species", "--label", "--dataset circle")]
    [InlineData("--dataset circle --scaling minmax", "--scaling", "--dataset circle")]
    public void A_bad_option_gives_one_line_naming_it_and_exit_code_2_before_any_output(string arguments, string option, string value)
    {
        var (exitCode, output, error) = Run(["train", .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_digits_file_is_reported_with_its_line_number()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-digits-{Guid.NewGuid():N}.csv.gz");
        using (var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest)))
        {
            writer.Write(string.Join(",", Enumerable.Repeat("0", 64).Append("3")) + "\n1,2\n");
        }

        var (exitCode, _, error) = Run(["train", "--dataset", "digits", "--data", path]);

        Assert.Equal(2, exitCode);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_the_trained_network_as_an_onnx_model_that_predicts_what_the_library_predicts()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("train-save-").FullName, "moons.onnx");

        var (exitCode, output, error) = Run(["train", "--dataset", "moons", "--layers", "8", "--epochs", "20", "--batch-size", "16", "--learning-rate", "0.05", "--seed", "3", "--save", path]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.EndsWith($"Saved the network as an ONNX model: {path}\n", output, StringComparison.Ordinal);
        // The same network, trained here with the library from the same seeds and options, is what ONNX Runtime must reproduce.
        var (train, test) = Datasets.Moons(200, 0.1, seed: 3).Split(0.2, seed: 3);
        var network = NeuralNetwork.Create([2, 8, 1], Activation.ReLU, Activation.Sigmoid, Initializer.He, seed: 3);
        network.Train(train.X, train.y, Loss.BinaryCrossEntropy, new TrainingOptions { Epochs = 20, Optimizer = Optimizer.Adam(0.05), BatchSize = 16, ShuffleSeed = 3 });
        using var onnx = new OnnxRuntimeModel(File.ReadAllBytes(path));
        OnnxAgreement.AssertAgree(network.Predict(test.X), onnx.Predict(test.X));
        var printed = Regex.Match(output, @"train accuracy ([0-9.]+ %), test accuracy ([0-9.]+ %)");
        Assert.Equal(printed.Groups[1].Value, Metrics.Accuracy(onnx.Predict(train.X), train.y).ToString("P1", CultureInfo.InvariantCulture));
        Assert.Equal(printed.Groups[2].Value, Metrics.Accuracy(onnx.Predict(test.X), test.y).ToString("P1", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/folder/model.onnx")]
    [InlineData("/tmp")]
    public void A_save_path_that_cannot_work_is_refused_before_training(string path)
    {
        var (exitCode, output, error) = Run(["train", "--dataset", "moons", "--epochs", "5", "--save", path]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("neuralnotebooks: --save must ", error, StringComparison.Ordinal);
        Assert.Contains($"'{path}'", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Fashion_mnist_trains_on_its_own_training_set_and_tests_on_its_own_test_set_with_each_epochs_time()
    {
        var folder = IdxFixture.Folder(IdxFixture.Contents(), gzipped: true);

        var (exitCode, output, error) = Run(["train", "--dataset", "fashion-mnist", "--data", folder, "--layers", "4", "--epochs", "2"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith($"Reading Fashion-MNIST from {folder}.\n" +
                          $"Training 784-4-10 (relu, softmax output, softmax-ce) on fashion-mnist: {IdxFixture.TrainCount} training and {IdxFixture.TestCount} test examples; " +
                          $"adam (η = 0.01), batches of {IdxFixture.TrainCount}.\n", output, StringComparison.Ordinal);
        Assert.Matches(@"\n1 / 2 epochs · loss [0-9.]+ · [0-9.]+ m?s an epoch\n2 / 2 epochs · loss [0-9.]+ · [0-9.]+ m?s an epoch\nFinal loss ", output);
    }

    [Fact]
    public void The_iris_csv_the_repository_ships_trains_to_a_high_test_accuracy()
    {
        var (exitCode, output, error) = Run(["train", "--csv", IrisPath, "--label", "species"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Training 4-8-8-3 (relu, softmax output, softmax-ce) on iris: 120 training and 30 test examples; adam (η = 0.01), batches of 32.\n", output, StringComparison.Ordinal);
        var accuracy = Regex.Match(output, @"test accuracy ([0-9.]+) %");
        Assert.True(double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture) >= 85, output);
    }

    [Fact]
    public void A_csv_is_split_and_then_scaled_with_what_its_training_part_alone_gives()
    {
        var (exitCode, output, _) = Run(["train", "--csv", IrisPath, "--label", "species", "--scaling", "minmax", "--epochs", "20", "--seed", "5"]);

        // The same run through the library, scaling fitted here on the training part only: the printed results must be its results.
        Assert.Equal(0, exitCode);
        var (train, test) = Csv.Load(IrisPath, "species").Split(0.2, seed: 5);
        var scaler = FeatureScaler.Fit(train.X, Scaling.MinMax);
        var network = NeuralNetwork.Create([4, 8, 8, 3], Activation.ReLU, Activation.Softmax, Initializer.He, seed: 5);
        var history = network.Train(scaler.Apply(train.X), train.y, Loss.SoftmaxCrossEntropy, new TrainingOptions { Epochs = 20, Optimizer = Optimizer.Adam(0.01), BatchSize = 32, ShuffleSeed = 5 });
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture,
            $"Final loss {history.LastLoss:0.0000}; train accuracy {Metrics.Accuracy(network.Predict(scaler.Apply(train.X)), train.y):P1}, test accuracy {Metrics.Accuracy(network.Predict(scaler.Apply(test.X)), test.y):P1}.\n"), output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_label_column_may_be_given_by_its_number()
    {
        string[] common = ["train", "--csv", IrisPath, "--epochs", "10"];

        Assert.Equal(WithoutTimes(Run([.. common, "--label", "species"]).Output), WithoutTimes(Run([.. common, "--label", "4"]).Output));
    }

    [Theory]
    [InlineData("a,b,label\n1,2,x\n3,4,y\n5,oops,x\n", "line 4, column 1 ('b')", "'oops'")]
    [InlineData("a,b,label\n1,2,x\n3,4,y\n5,6\n", "line 4", "found 2")]
    [InlineData("a,b,label\n1,2,x\n3,4,x\n", "column 2 ('label')", "single class")]
    public void A_bad_csv_gives_one_line_naming_the_file_the_line_and_the_column_and_exit_code_2(string contents, string where, string what)
    {
        var path = Path.Combine(IdxFixture.NewFolder(), "bad.csv");
        File.WriteAllText(path, contents);

        var (exitCode, output, error) = Run(["train", "--csv", path, "--label", "label"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"neuralnotebooks: {path}, ", line, StringComparison.Ordinal);
        Assert.Contains(where, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_column_that_does_not_exist_is_named_with_the_columns_that_do()
    {
        var (exitCode, output, error) = Run(["train", "--csv", IrisPath, "--label", "kind"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal($"neuralnotebooks: --label must be one of the columns of {IrisPath} (sepal_length, sepal_width, petal_length, petal_width, species) or a column number from 0 to 4, but was 'kind'.\n", error);
    }

    private static string WithoutTimes(string output) => Regex.Replace(output, " · [0-9.]+ m?s an epoch", "");

    private static string IrisPath => Path.Combine(Notebooks.CourseNotebooks.Root, "data", "iris", "iris.csv");

    private static (int ExitCode, string Output, string Error) Run(string[] arguments) => CliRun.Run(arguments);
}
