using System.CommandLine;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Text;

namespace NeuralNotebooks.Cli;

/// <summary>
/// <c>xor</c>: the blog's Python program in C#. It prints what the blog's program prints (all but the plot),
/// byte for byte, for any seed, learning rate, epoch count and hidden width.
/// </summary>
internal sealed class XorCommand : Command
{
    private readonly CliOption<long> _seed = new("--seed", "numpy's random seed, 0 to 4294967295") { HelpName = "N", Default = 42 };
    private readonly CliOption<double> _learningRate = new("--learning-rate", "the step size, a number above 0") { HelpName = "R", Default = 0.1 };
    private readonly CliOption<int> _epochs = new("--epochs", "passes over the four examples, 0 or more") { HelpName = "N", Default = 1000 };
    private readonly CliOption<int> _hidden = new("--hidden", "hidden units, 1 or more") { HelpName = "H", Default = 4, Parameter = "hiddenUnits" };

    public XorCommand()
        : base("xor", "The blog's XOR program: trains a 2-H-1 sigmoid network from numpy's seeded weights; prints what the blog's Python prints, byte for byte.")
    {
        Options.Add(_seed);
        Options.Add(_learningRate);
        Options.Add(_epochs);
        Options.Add(_hidden);
        SetAction(result =>
        {
            var settings = new XorSettings(result.GetValue(_seed), result.GetValue(_learningRate), result.GetValue(_epochs), result.GetValue(_hidden));
            Write(settings, result.InvocationConfiguration.Output);
            return 0;
        });
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
