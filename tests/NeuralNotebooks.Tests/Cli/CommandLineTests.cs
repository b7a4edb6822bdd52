namespace NeuralNotebooks.Tests.Cli;

/// <summary>
/// Every bad command line the CLI has been given, old and new: each gets one line on standard error that names the
/// option and the value, the exit code for its kind (2 for bad input, 1 for training that diverges) and no stack trace.
/// </summary>
public class CommandLineTests
{
    [Theory]
    // The command line itself.
    [InlineData("xnor", 2, "'xnor'", "unknown command")]
    [InlineData("xor --speed 3", 2, "--speed", "unknown option")]
    [InlineData("xor stray", 2, "'stray'", "unexpected argument")]
    [InlineData("xor --epochs", 2, "--epochs", "needs a value")]
    [InlineData("xor --epochs 1 --epochs 2", 2, "--epochs", "'1' and '2'")]
    [InlineData("train --epochs 5", 2, "--dataset", "required")]
    [InlineData("train --dataset", 2, "--dataset", "needs a value")]
    // Values that do not parse.
    [InlineData("xor --epochs 2.5", 2, "--epochs", "'2.5'")]
    [InlineData("xor --epochs 99999999999", 2, "--epochs", "'99999999999'")]
    [InlineData("xor --learning-rate fast", 2, "--learning-rate", "'fast'")]
    [InlineData("xor --seed=-1", 2, "--seed", "-1")]
    [InlineData("train --dataset circle --layers 8,x", 2, "--layers", "'8,x'")]
    [InlineData("run --cell-timeout soon", 2, "--cell-timeout", "'soon'")]
    [InlineData("script x.ipynb", 2, "--output", "required")]
    [InlineData("script no-such.ipynb --output out", 2, "notebook", "'no-such.ipynb'")]
    // Values out of range, checked by the library and named by the CLI.
    [InlineData("xor --learning-rate -0.1", 2, "--learning-rate", "-0.1")]
    [InlineData("xor --learning-rate NaN", 2, "--learning-rate", "NaN")]
    [InlineData("xor --hidden 0", 2, "--hidden", "0")]
    [InlineData("xor --seed 4294967296", 2, "--seed", "4294967296")]
    [InlineData("train --dataset swirl", 2, "--dataset", "'swirl'")]
    [InlineData("train --dataset circle --samples 2", 2, "--samples", "2")]
    [InlineData("train --dataset circle --batch-size 0", 2, "--batch-size", "0")]
    [InlineData("train --dataset spiral --samples 20 --batch-size 32", 2, "--batch-size", "32")]
    [InlineData("train --dataset circle --test-fraction 1", 2, "--test-fraction", "1")]
    [InlineData("train --dataset digits --data /no/such/digits.csv.gz", 2, "--data", "/no/such/digits.csv.gz")]
    // Combinations that make no sense.
    [InlineData("train --dataset xor --loss softmax-ce", 2, "--loss", "'softmax-ce'")]
    [InlineData("train --dataset circle --loss softmax-ce --epochs 5", 2, "--loss", "'softmax-ce'")]
    [InlineData("train --csv data/iris/iris.csv --label species --dataset circle", 2, "--csv", "--dataset")]
    [InlineData("train --dataset fashion-mnist --test-fraction 0.3", 2, "--test-fraction", "0.3")]
    // Sizes too large for memory (the tester's cases).
    [InlineData("xor --epochs 2147483647", 2, "--epochs", "2147483647")]
    [InlineData("xor --hidden 100000000", 2, "--hidden", "100000000")]
    [InlineData("train --dataset circle --samples 2147483647", 2, "--samples", "2147483647")]
    [InlineData("train --dataset circle --layers 50000,50000", 2, "--layers", "50000")]
    // Valid input, training that diverges.
    [InlineData("xor --learning-rate 1e308 --epochs 50", 1, "diverged", "smaller learning rate")]
    public void Bad_input_gives_one_line_naming_the_option_and_the_value_and_no_stack_trace(string arguments, int exitCode, string option, string value)
    {
        var (code, _, error) = CliRun.Run(arguments.Split(' '));

        Assert.Equal(exitCode, code);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("neuralnotebooks: ", line, StringComparison.Ordinal);
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Contains(value, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.`<>]+\(", error); // a stack frame: "at NeuralNotebooks.Data.Datasets.Make("
    }

    [Fact]
    public void An_unspecified_batch_size_shrinks_to_a_small_training_set()
    {
        var (exitCode, output, error) = CliRun.Run(["train", "--dataset", "spiral", "--samples", "20", "--epochs", "3"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("16 training and 4 test examples; adam (η = 0.01), batches of 16.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bce", "sigmoid")]
    [InlineData("mse", "sigmoid")]
    public void On_one_output_the_loss_picks_a_sigmoid_output(string loss, string activation)
    {
        var (exitCode, output, _) = CliRun.Run(["train", "--dataset", "xor", "--loss", loss, "--epochs", "1"]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"({"relu"}, {activation} output, {loss})", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_verb_has_help_under_the_programs_name()
    {
        foreach (var verb in new[] { "run", "train", "xor" })
        {
            var (exitCode, output, _) = CliRun.Run([verb, "--help"]);

            Assert.Equal(0, exitCode);
            Assert.Contains($"  neuralnotebooks {verb} [options]", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Trains_help_lists_the_csv_options_and_fashion_mnist()
    {
        var (exitCode, output, _) = CliRun.Run(["train", "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("--dataset <NAME>      xor, circle, gaussian, spiral, moons, digits, fashion-mnist (or --csv for your own data)\n", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  --data <PATH> +the digits file .*, or the folder of Fashion-MNIST's four files", output);
        foreach (var option in new[] { "--csv <FILE>", "--label <COLUMN>", "--scaling <NAME>", "--header <WHEN>" })
        {
            Assert.Matches($@"\n  {option} +with --csv: |\n  {option} +your own data instead of --dataset", output);
        }
    }

    [Fact]
    public void Tab_completion_offers_the_data_sets()
    {
        var (exitCode, output, _) = CliRun.Run(["[suggest:16]", "train --dataset "]);

        Assert.Equal(0, exitCode);
        Assert.Equal(["circle", "digits", "fashion-mnist", "gaussian", "moons", "spiral", "xor"], output.TrimEnd('\n').Split('\n'));
    }
}
