using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Text;

namespace NeuralNotebooks.Cli;

/// <summary>
/// The blog's Python program in C#: it prints what the blog's program prints (all but the plot),
/// byte for byte, for any seed, learning rate, epoch count and hidden width.
/// </summary>
internal static class XorCommand
{
    public const string Usage = """
        Usage: neuralnotebooks xor [--seed 42] [--learning-rate 0.1] [--epochs 1000] [--hidden 4]

        Runs the blog's XOR program: trains a 2-H-1 sigmoid network from numpy's seeded weights and
        prints what the blog's Python prints, byte for byte.

        Options:
          --seed N            numpy's random seed, 0 to 4294967295 (default 42)
          --learning-rate R   the step size, a number above 0 (default 0.1)
          --epochs N          passes over the four examples, 0 or more (default 1000)
          --hidden H          hidden units, 1 or more (default 4)
          --help              show this text
        """;

    /// <summary>The command-line option for each library parameter, so errors name what the user typed.</summary>
    public static readonly IReadOnlyDictionary<string, string> OptionForParameter = new Dictionary<string, string>
    {
        ["seed"] = "--seed",
        ["learningRate"] = "--learning-rate",
        ["epochs"] = "--epochs",
        ["hiddenUnits"] = "--hidden",
    };

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var options = new OptionReader(arguments, ["--seed", "--learning-rate", "--epochs", "--hidden"]);
        var settings = new XorSettings(
            Seed: options.Long("--seed", 42),
            LearningRate: options.Double("--learning-rate", 0.1),
            Epochs: options.Int("--epochs", 1000),
            HiddenUnits: options.Int("--hidden", 4));
        Write(settings, output);
        return 0;
    }

    /// <summary>Runs the blog's program with these settings, writing its text to <paramref name="output"/>.</summary>
    public static void Write(XorSettings settings, TextWriter output)
    {
        // Check every setting before printing anything, so a bad value gives an error and no half output.
        Guard.AtLeast(settings.Epochs, 0, "epochs");
        Guard.PositiveFinite(settings.LearningRate, "learningRate");
        var network = new SimpleNeuralNetwork(settings.HiddenUnits, settings.Seed);
        var (X, y) = (Xor.Inputs, Xor.Targets);

        output.Write("Training Data:\nInput -> Expected Output\n");
        for (var i = 0; i < X.RowCount; i++)
        {
            output.Write($"[{X[i, 0]:0} {X[i, 1]:0}] -> {y[i, 0]:0}\n");
        }

        output.Write("\nTraining the network...\n");
        network.Train(X, y, settings.Epochs, settings.LearningRate, onEpoch: report =>
        {
            if (report.Epoch % 100 == 0)
            {
                output.Write($"Epoch {report.Epoch}, Loss: {PythonFormat.Fixed(report.Loss, 4)}\n");
            }
        });

        output.Write("\nTesting the trained network:\nInput -> Predicted Output (Expected)\n");
        for (var i = 0; i < X.RowCount; i++)
        {
            var prediction = network.Predict(X[i, 0], X[i, 1]);
            output.Write($"[{X[i, 0]:0} {X[i, 1]:0}] -> {PythonFormat.Fixed(prediction, 4)} ({y[i, 0]:0})\n");
        }

        output.Write("\nTesting with slightly different inputs:\n");
        var noisy = Xor.NoisyInputs;
        for (var i = 0; i < noisy.RowCount; i++)
        {
            var (x1, x2) = (noisy[i, 0], noisy[i, 1]);
            var prediction = network.Predict(x1, x2);
            output.Write($"[{PythonFormat.Repr(x1)}, {PythonFormat.Repr(x2)}] -> {PythonFormat.Fixed(prediction, 4)} (expected ~{Xor.Expected(x1, x2)})\n");
        }
    }
}

/// <summary>The four constants of the blog's program that the <c>xor</c> command turns into options.</summary>
internal sealed record XorSettings(long Seed = 42, double LearningRate = 0.1, int Epochs = 1000, int HiddenUnits = 4);
