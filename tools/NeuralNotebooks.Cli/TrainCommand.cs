using System.CommandLine;
using System.Globalization;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Onnx;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary><c>train</c>: trains any data set, architecture and optimiser from the terminal, with progress and the final accuracy.</summary>
internal sealed class TrainCommand : Command
{
    /// <summary>The batch size when none is given, or the whole training set when it is smaller.</summary>
    public const int DefaultBatchSize = 32;

    private readonly CliOption<string> _dataset = new("--dataset", $"{string.Join(", ", DatasetNames)}")
    {
        HelpName = "NAME", Required = true, Suggestions = DatasetNames,
    };

    private readonly CliOption<int> _samples = new("--samples", "points to generate, 4 or more (not for digits)") { HelpName = "N", Default = 200 };
    private readonly CliOption<double> _noise = new("--noise", "Gaussian noise on each coordinate, 0 or more (not for digits)") { HelpName = "X", Default = 0.1 };

    private readonly CliOption<string> _data = new("--data", "the digits file [default: data/digits/digits.csv.gz, found from the current folder]")
    {
        HelpName = "PATH", Parameter = "path",
    };

    private readonly CliOption<int[]> _layers = new("--layers", "hidden layer sizes, comma-separated (\"\" for none); inputs and outputs come from the data [default: 8,8]")
    {
        HelpName = "A,B,...", Parameter = "sizes",
    };

    private readonly CliOption<string> _activation = new("--activation", "the hidden layers' activation") { HelpName = "NAME", Default = "relu", Suggestions = [.. Activation.All.Select(a => a.Name)] };

    private readonly CliOption<string> _loss = new("--loss", "mse, bce or softmax-ce [default: bce for one output, softmax-ce for several]; it picks the output activation (sigmoid for bce, softmax for softmax-ce)")
    {
        HelpName = "NAME", Suggestions = [.. Loss.All.Select(l => l.Name)],
    };

    private readonly CliOption<string> _initializer = new("--initializer", "how the weights start") { HelpName = "NAME", Default = "he", Suggestions = [.. Initializer.All.Select(i => i.Name)] };
    private readonly CliOption<string> _optimizer = new("--optimizer", "sgd, momentum or adam") { HelpName = "NAME", Default = "adam", Suggestions = ["sgd", "momentum", "adam"] };
    private readonly CliOption<double> _learningRate = new("--learning-rate", "the optimiser's step size, above 0") { HelpName = "R", Default = 0.01 };
    private readonly CliOption<int> _epochs = new("--epochs", "passes over the training examples, 0 or more") { HelpName = "N", Default = 300 };

    private readonly CliOption<int> _batchSize = new("--batch-size", $"examples per update, 1 to the number of training examples [default: {DefaultBatchSize}, or all of them when there are fewer]")
    {
        HelpName = "N",
    };

    private readonly CliOption<double> _l2 = new("--l2", "L2 regularisation, 0 or more") { HelpName = "X", Default = 0 };
    private readonly CliOption<double> _testFraction = new("--test-fraction", "share held out for testing, above 0 and below 1") { HelpName = "X", Default = 0.2 };
    private readonly CliOption<long> _seed = new("--seed", "seeds the data, the weights, the split and the shuffling") { HelpName = "N", Default = 1 };

    private readonly CliOption<string> _save = new("--save", "after training, save the network as an ONNX model at PATH (model.onnx), for ONNX Runtime or ML.NET")
    {
        HelpName = "PATH", Parameter = "onnxPath",
    };

    public TrainCommand()
        : base("train", "Trains any data set, architecture and optimiser; prints progress and the accuracy on training and held-out test examples.")
    {
        Options.Add(_dataset);
        Options.Add(_samples);
        Options.Add(_noise);
        Options.Add(_data);
        Options.Add(_layers);
        Options.Add(_activation);
        Options.Add(_loss);
        Options.Add(_initializer);
        Options.Add(_optimizer);
        Options.Add(_learningRate);
        Options.Add(_epochs);
        Options.Add(_batchSize);
        Options.Add(_l2);
        Options.Add(_testFraction);
        Options.Add(_seed);
        Options.Add(_save);
        SetAction(result => Run(result, result.InvocationConfiguration.Output));
    }

    private static IReadOnlyList<string> DatasetNames => [.. Datasets.Names, "digits"];

    private int Run(ParseResult options, TextWriter output)
    {
        var seed = options.GetValue(_seed);
        var data = options.GetRequiredValue(_dataset).Equals("digits", StringComparison.OrdinalIgnoreCase)
            ? Digits.Load(options.GetValue(_data))
            : Datasets.Generate(options.GetRequiredValue(_dataset), options.GetValue(_samples), options.GetValue(_noise), seed);
        var hidden = Activation.Parse(options.GetRequiredValue(_activation));
        var outputs = data.y.ColumnCount;
        var loss = Loss.Parse(options.GetValue(_loss) ?? (outputs > 1 ? "softmax-ce" : "bce"));
        var outputActivation = OutputActivationFor(loss, outputs, data.Name);
        var initializer = Initializer.Parse(options.GetRequiredValue(_initializer));
        var optimizer = Optimizer.Parse(options.GetRequiredValue(_optimizer), options.GetValue(_learningRate));
        int[] sizes = [data.X.ColumnCount, .. options.GetValue(_layers) ?? [8, 8], outputs];
        var (train, test) = data.Split(options.GetValue(_testFraction), seed);
        var trainingOptions = new TrainingOptions
        {
            Epochs = options.GetValue(_epochs),
            Optimizer = optimizer,
            BatchSize = _batchSize.WasGiven(options) ? options.GetValue(_batchSize) : Math.Min(DefaultBatchSize, train.Count),
            L2 = options.GetValue(_l2),
            ShuffleSeed = seed,
        };
        Trainer.CheckOptions(trainingOptions, train.Count);
        var savePath = options.GetValue(_save);
        CheckSavePath(savePath);
        var network = NeuralNetwork.Create(sizes, hidden, outputActivation, initializer, seed);
        Notebooks.NotebookSetup.UseSingleThreadedMathNet();

        output.WriteLine($"Training {string.Join("-", sizes)} ({hidden.Name}, {outputActivation.Name} output, {loss.Name}) on {data.Name}: " +
                         $"{train.Count} training and {test.Count} test examples; {optimizer}, batches of {trainingOptions.BatchSize}.");
        var history = network.Train(train.X, train.y, loss, trainingOptions, ProgressLine.Every(output.WriteLine, TimeSpan.FromMilliseconds(500)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Final loss {history.LastLoss:0.0000}; train accuracy {Metrics.Accuracy(network.Predict(train.X), train.y):P1}, test accuracy {Metrics.Accuracy(network.Predict(test.X), test.y):P1}."));
        if (savePath is not null)
        {
            network.SaveOnnx(savePath);
            output.WriteLine($"Saved the network as an ONNX model: {Path.GetFullPath(savePath)}");
        }
        return 0;
    }

    /// <summary>
    /// Refuses a --save path that cannot work before training starts, so that no training is lost to a typo; a file that
    /// still cannot be written afterwards (access denied, a full disk) is reported then, with exit code 1.
    /// </summary>
    /// <exception cref="UsageException">The path is empty, or its folder does not exist.</exception>
    private static void CheckSavePath(string? path)
    {
        if (path is null)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
        {
            throw new UsageException($"--save must name a file to write the ONNX model to, but was '{path}'");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"--save must be a path in an existing folder, but the folder of '{path}' does not exist");
        }
    }

    /// <summary>
    /// The output activation the loss was made for: softmax for softmax cross-entropy, sigmoid for binary cross-entropy, and
    /// for mean squared error sigmoid on one output or softmax across several.
    /// </summary>
    /// <exception cref="UsageException">Softmax cross-entropy on one output unit, where the softmax is always 1 and nothing is learned.</exception>
    private static Activation OutputActivationFor(Loss loss, int outputs, string dataset)
    {
        if (loss == Loss.SoftmaxCrossEntropy && outputs < 2)
        {
            throw new UsageException(
                $"--loss must be bce or mse for {dataset}, whose two classes need one output unit (a softmax over one unit is always 1), but was '{loss.Name}'");
        }
        return loss == Loss.SoftmaxCrossEntropy || (loss == Loss.MeanSquaredError && outputs > 1) ? Activation.Softmax : Activation.Sigmoid;
    }
}
