using System.Globalization;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Data;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Network;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Cli;

/// <summary>Trains any data set, architecture and optimiser from the terminal, with progress and the final accuracy.</summary>
internal static class TrainCommand
{
    public const string Usage = """
        Usage: neuralnotebooks train --dataset NAME [options]

        Trains a network and prints its progress and its accuracy on the training and held-out test examples.

        Options:
          --dataset NAME        xor, circle, gaussian, spiral, moons, or digits (required)
          --samples N           points to generate, 4 or more (default 200; not for digits)
          --noise X             Gaussian noise on each coordinate, 0 or more (default 0.1; not for digits)
          --data PATH           the digits file (default data/digits/digits.csv.gz, found from the current folder)
          --layers A,B,...      hidden layer sizes (default 8,8); inputs and outputs come from the data
          --activation NAME     hidden activation: sigmoid, tanh, relu, leaky-relu, linear, softmax (default relu)
          --loss NAME           mse, bce, softmax-ce (default bce for two classes, softmax-ce for digits)
          --initializer NAME    uniform, xavier, he, scaled (default he)
          --optimizer NAME      sgd, momentum, adam (default adam)
          --learning-rate R     above 0 (default 0.01)
          --epochs N            0 or more (default 300)
          --batch-size N        1 to the number of training examples (default 32)
          --l2 X                L2 regularisation, 0 or more (default 0)
          --test-fraction X     share held out for testing, above 0 and below 1 (default 0.2)
          --seed N              seeds the data, the weights, the split and the shuffling (default 1)
          --help                show this text
        """;

    public static readonly IReadOnlyDictionary<string, string> OptionForParameter = new Dictionary<string, string>
    {
        ["dataset"] = "--dataset", ["samples"] = "--samples", ["noise"] = "--noise", ["path"] = "--data",
        ["activation"] = "--activation", ["loss"] = "--loss", ["initializer"] = "--initializer", ["optimizer"] = "--optimizer",
        ["learningRate"] = "--learning-rate", ["epochs"] = "--epochs", ["batchSize"] = "--batch-size", ["l2"] = "--l2",
        ["testFraction"] = "--test-fraction", ["seed"] = "--seed",
    };

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var options = new OptionReader(arguments, [.. OptionForParameter.Values, "--layers"]);
        var datasetName = options.Text("--dataset", "");
        if (datasetName.Length == 0)
        {
            throw new UsageException("--dataset is required (xor, circle, gaussian, spiral, moons or digits)");
        }
        var seed = options.Long("--seed", 1);
        var data = datasetName.Equals("digits", StringComparison.OrdinalIgnoreCase)
            ? Digits.Load(options.Text("--data", "") is { Length: > 0 } path ? path : null)
            : Datasets.Generate(datasetName, options.Int("--samples", 200), options.Double("--noise", 0.1), seed);
        var hidden = Activation.Parse(options.Text("--activation", "relu"));
        var loss = Loss.Parse(options.Text("--loss", data.Classes > 2 ? "softmax-ce" : "bce"));
        var outputActivation = loss == Loss.SoftmaxCrossEntropy || (loss == Loss.MeanSquaredError && data.Classes > 2) ? Activation.Softmax : Activation.Sigmoid;
        var initializer = Initializer.Parse(options.Text("--initializer", "he"));
        var optimizer = Optimizer.Parse(options.Text("--optimizer", "adam"), options.Double("--learning-rate", 0.01));
        int[] sizes = [data.X.ColumnCount, .. HiddenSizes(options.Text("--layers", "8,8")), data.y.ColumnCount];
        var (train, test) = data.Split(options.Double("--test-fraction", 0.2), seed);
        var trainingOptions = new TrainingOptions
        {
            Epochs = options.Int("--epochs", 300),
            Optimizer = optimizer,
            BatchSize = options.Int("--batch-size", 32),
            L2 = options.Double("--l2", 0),
            ShuffleSeed = seed,
        };
        Trainer.CheckOptions(trainingOptions, train.Count);
        var network = NeuralNetwork.Create(sizes, hidden, outputActivation, initializer, seed);
        Notebooks.NotebookSetup.UseSingleThreadedMathNet();

        output.WriteLine($"Training {string.Join("-", sizes)} ({hidden.Name}, {outputActivation.Name} output, {loss.Name}) on {data.Name}: " +
                         $"{train.Count} training and {test.Count} test examples; {optimizer}, batches of {trainingOptions.BatchSize}.");
        var history = network.Train(train.X, train.y, loss, trainingOptions, ProgressLine.Every(output.WriteLine, TimeSpan.FromMilliseconds(500)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Final loss {history.LastLoss:0.0000}; train accuracy {Metrics.Accuracy(network.Predict(train.X), train.y):P1}, test accuracy {Metrics.Accuracy(network.Predict(test.X), test.y):P1}."));
        return 0;
    }

    private static IEnumerable<int> HiddenSizes(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var sizes = text.Split(',');
        return sizes.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            ? sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : throw new UsageException($"--layers must be comma-separated whole numbers of at least 1, but was '{text}'");
    }
}
