using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Onnx;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary>
/// <c>train</c>: trains any data set (a generated one, the digits, Fashion-MNIST, or your own CSV file), architecture and
/// optimiser from the terminal, with each epoch's progress and time and the final accuracy.
/// </summary>
internal sealed class TrainCommand : Command
{
    /// <summary>The batch size when none is given, or the whole training set when it is smaller.</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>The hidden layers' sizes when none are given.</summary>
    private static readonly int[] DefaultLayers = [8, 8];

    private readonly CliOption<string> _dataset = new("--dataset", $"{string.Join(", ", DatasetNames)} (or --csv for your own data)")
    {
        HelpName = "NAME", Suggestions = DatasetNames,
    };

    private readonly CliOption<string> _csv = new("--csv", "your own data instead of --dataset: a comma-separated file (.csv or .csv.gz), one example per line, numeric features")
    {
        HelpName = "FILE", Parameter = "path",
    };

    private readonly CliOption<string> _label = new("--label", "with --csv: the column that holds the classes, by its header name or its number from 0") { HelpName = "COLUMN" };

    private readonly CliOption<string> _scaling = new("--scaling", "with --csv: how to scale the features, fitted on the training examples: none, minmax or standardize")
    {
        HelpName = "NAME", Default = "standardize", Suggestions = ["none", "minmax", "standardize"],
    };

    private readonly CliOption<string> _header = new("--header", "with --csv: whether the first line names the columns: yes, no or auto (yes when one of its fields is text above a number)")
    {
        HelpName = "WHEN", Default = "auto", Suggestions = ["auto", "yes", "no"],
    };

    private readonly CliOption<int> _samples = new("--samples", "points to generate, 4 or more (not for digits)") { HelpName = "N", Default = 200 };
    private readonly CliOption<double> _noise = new("--noise", "Gaussian noise on each coordinate, 0 or more (not for digits)") { HelpName = "X", Default = 0.1 };

    private readonly CliOption<string> _data = new("--data",
        "the digits file [default: data/digits/digits.csv.gz, found from the current folder], or the folder of Fashion-MNIST's four files " +
        $"[default: the first that has them of ${DataFolders.EnvironmentVariable}/{FashionMnist.FolderName}, data/{FashionMnist.FolderName}, {FashionMnist.DebianFolder}; else downloaded once]")
    {
        HelpName = "PATH", Parameter = "path", AlsoFeeds = ["folder"],
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
    private readonly CliOption<double> _testFraction = new("--test-fraction", "share held out for testing, above 0 and below 1 (fashion-mnist has its own test set)") { HelpName = "X", Default = 0.2 };
    private readonly CliOption<long> _seed = new("--seed", "seeds the data, the weights, the split and the shuffling") { HelpName = "N", Default = 1 };

    private readonly CliOption<string> _save = new("--save", "after training, save the network as an ONNX model at PATH (model.onnx), for ONNX Runtime or ML.NET")
    {
        HelpName = "PATH", Parameter = "onnxPath",
    };

    public TrainCommand()
        : base("train", "Trains any architecture and optimiser on a generated data set, the digits, Fashion-MNIST or your own CSV file; " +
                        "prints each epoch's loss and time, and the accuracy on training and held-out test examples.")
    {
        Options.Add(_dataset);
        Options.Add(_samples);
        Options.Add(_noise);
        Options.Add(_data);
        Options.Add(_csv);
        Options.Add(_label);
        Options.Add(_scaling);
        Options.Add(_header);
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
        Validators.Add(CheckDataOptions);
        SetAction(result => Run(result, result.InvocationConfiguration.Output));
    }

    private static IReadOnlyList<string> DatasetNames => [.. Datasets.Names, "digits", FashionMnist.FolderName];

    private int Run(ParseResult options, TextWriter output)
    {
        var seed = options.GetValue(_seed);
        // What needs no data is checked before the data is read (Fashion-MNIST takes seconds).
        var hidden = Activation.Parse(options.GetRequiredValue(_activation));
        var givenLoss = options.GetValue(_loss) is { } lossName ? Loss.Parse(lossName) : null;
        var initializer = Initializer.Parse(options.GetRequiredValue(_initializer));
        var optimizer = Optimizer.Parse(options.GetRequiredValue(_optimizer), options.GetValue(_learningRate));
        var savePath = options.GetValue(_save);
        CheckSavePath(savePath);
        var (name, train, test) = LoadData(options, output);
        var outputs = train.y.ColumnCount;
        var loss = givenLoss ?? (outputs > 1 ? Loss.SoftmaxCrossEntropy : Loss.BinaryCrossEntropy);
        var outputActivation = OutputActivationFor(loss, outputs, name);
        // An array option's value is an empty array, not null, when it is not given; "" gives an empty array on purpose.
        int[] sizes = [train.X.ColumnCount, .. _layers.WasGiven(options) ? options.GetValue(_layers)! : DefaultLayers, outputs];
        var trainingOptions = new TrainingOptions
        {
            Epochs = options.GetValue(_epochs),
            Optimizer = optimizer,
            BatchSize = _batchSize.WasGiven(options) ? options.GetValue(_batchSize) : Math.Min(DefaultBatchSize, train.Count),
            L2 = options.GetValue(_l2),
            ShuffleSeed = seed,
        };
        Trainer.CheckOptions(trainingOptions, train.Count);
        var network = NeuralNetwork.Create(sizes, hidden, outputActivation, initializer, seed);
        Notebooks.NotebookSetup.UseSingleThreadedMathNet();

        output.WriteLine($"Training {string.Join("-", sizes)} ({hidden.Name}, {outputActivation.Name} output, {loss.Name}) on {name}: " +
                         $"{train.Count} training and {test.Count} test examples; {optimizer}, batches of {trainingOptions.BatchSize}.");
        var history = network.Train(train.X, train.y, loss, trainingOptions, EpochProgress.Every(output.WriteLine, TimeSpan.FromMilliseconds(500)));
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
    /// The training and test examples, and the data's name: a generated data set or the digits split at random (seeded),
    /// Fashion-MNIST's own training and test sets, or a CSV file split at random and then scaled as its training part asks.
    /// </summary>
    /// <exception cref="UsageException">--dataset names no data set.</exception>
    private (string Name, Dataset Train, Dataset Test) LoadData(ParseResult options, TextWriter output)
    {
        var (seed, testFraction) = (options.GetValue(_seed), options.GetValue(_testFraction));
        if (options.GetValue(_csv) is { } csv)
        {
            var (header, scaling) = (ParseHeader(options.GetRequiredValue(_header)), ParseScaling(options.GetRequiredValue(_scaling)));
            var data = Csv.Load(csv, options.GetRequiredValue(_label), Scaling.None, header);
            var (train, test) = ScaledLikeTraining(data.Split(testFraction, seed), scaling);
            return (data.Name, train, test);
        }
        var dataset = options.GetRequiredValue(_dataset);
        if (!DatasetNames.Contains(dataset, StringComparer.OrdinalIgnoreCase))
        {
            throw new UsageException($"--dataset must be one of {string.Join(", ", DatasetNames)}, but was '{dataset}'");
        }
        if (dataset.Equals(FashionMnist.FolderName, StringComparison.OrdinalIgnoreCase))
        {
            var (train, test) = FashionMnist.Load(options.GetValue(_data), output.WriteLine);
            return (FashionMnist.FolderName, train, test);
        }
        var generated = dataset.Equals("digits", StringComparison.OrdinalIgnoreCase)
            ? Digits.Load(options.GetValue(_data))
            : Datasets.Generate(dataset, options.GetValue(_samples), options.GetValue(_noise), seed);
        var (generatedTrain, generatedTest) = generated.Split(testFraction, seed);
        return (generated.Name, generatedTrain, generatedTest);
    }

    /// <summary>
    /// Both parts scaled with the scaling fitted to the training part alone, so that nothing about the test examples
    /// leaks into training (as with a test file scaled by <c>Csv.Load(…, like: train)</c>).
    /// </summary>
    private static (Dataset Train, Dataset Test) ScaledLikeTraining((Dataset Train, Dataset Test) split, Scaling scaling)
    {
        var (train, test) = split;
        if (scaling == Scaling.None)
        {
            return (train, test);
        }
        var scaler = FeatureScaler.Fit(train.X, scaling);
        Dataset Scaled(Dataset part) => new(part.Name, scaler.Apply(part.X), part.y, part.ClassNames, scaler);
        return (Scaled(train), Scaled(test));
    }

    /// <exception cref="UsageException">The text names no <see cref="Scaling"/>.</exception>
    private static Scaling ParseScaling(string text) =>
        Enum.GetValues<Scaling>().Where(s => s.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).Cast<Scaling?>().FirstOrDefault() ??
        throw new UsageException($"--scaling must be none, minmax or standardize, but was '{text}'");

    /// <summary>yes and no say whether the first line is a header; auto (null) lets the loader tell.</summary>
    /// <exception cref="UsageException">The text is not yes, no or auto.</exception>
    private static bool? ParseHeader(string text) => text.ToLowerInvariant() switch
    {
        "yes" => true,
        "no" => false,
        "auto" => null,
        _ => throw new UsageException($"--header must be yes, no or auto, but was '{text}'"),
    };

    /// <summary>
    /// The data comes from --dataset or from --csv, never both; the options that only one kind of data uses are refused
    /// with the other, rather than silently ignored.
    /// </summary>
    private void CheckDataOptions(CommandResult result)
    {
        bool Given(Option option) => result.GetResult(option) is { Implicit: false };
        // As typed: a value that is missing or does not parse is reported by the parser, and getting it would throw.
        string? Typed(Option option) => result.GetResult(option) is { Tokens: [var token] } ? token.Value : null;
        var dataset = Typed(_dataset);
        var problem = (Given(_dataset), Given(_csv)) switch
        {
            (true, true) => $"--csv and --dataset cannot be used together: --csv '{Typed(_csv)}' is your own data instead of the data set '{dataset}'",
            (false, false) => $"--dataset or --csv is required: --dataset NAME ({string.Join(", ", DatasetNames)}), or --csv FILE --label COLUMN for your own data",
            (false, true) when !Given(_label) => "--label is required with --csv: the column that holds the classes, by its header name or its number from 0",
            (false, true) when Given(_data) => $"--data is for --dataset digits or {FashionMnist.FolderName}; --csv names its own file, but --data '{Typed(_data)}' was given",
            (true, false) when new Option[] { _label, _scaling, _header }.FirstOrDefault(Given) is { } csvOnly =>
                $"{csvOnly.Name} goes with --csv, but was given with --dataset {dataset}",
            (true, false) when Given(_testFraction) && FashionMnist.FolderName.Equals(dataset, StringComparison.OrdinalIgnoreCase) =>
                $"--test-fraction is not for {FashionMnist.FolderName}, which has its own 10,000 test images, but was {Typed(_testFraction)}",
            _ => null,
        };
        if (problem is not null)
        {
            result.AddError(problem);
        }
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
