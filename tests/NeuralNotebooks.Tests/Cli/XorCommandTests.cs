using NeuralNotebooks.Cli;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Cli;

public class XorCommandTests
{
    [Theory]
    [InlineData("seed-xor-output.txt", new string[0])]
    [InlineData("xor-lr1.0-epochs10000.txt", new[] { "--learning-rate", "1.0", "--epochs", "10000" })]
    [InlineData("xor-seed7-hidden8-lr0.5-epochs3000.txt", new[] { "--seed", "7", "--hidden", "8", "--learning-rate", "0.5", "--epochs", "3000" })]
    public void The_xor_command_prints_the_blogs_numpy_output_byte_for_byte(string reference, string[] options)
    {
        var (exitCode, output, error) = Run(["xor", .. options]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(ReferenceFiles.Text(reference), output);
    }

    [Fact]
    public void Options_may_also_be_written_with_an_equals_sign()
    {
        var (_, output, _) = Run(["xor", "--seed=7", "--hidden=8", "--learning-rate=0.5", "--epochs=3000"]);

        Assert.Equal(ReferenceFiles.Text("xor-seed7-hidden8-lr0.5-epochs3000.txt"), output);
    }

    [Fact]
    public void Zero_epochs_prints_no_loss_lines_and_tests_the_untrained_network()
    {
        var (exitCode, output, _) = Run(["xor", "--epochs", "0"]);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Epoch", output, StringComparison.Ordinal);
        Assert.Contains("Training the network...\n\nTesting the trained network:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var (exitCode, output, _) = Run(["xor", "--help"]);

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--seed", "--learning-rate", "--epochs", "--hidden" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--learning-rate -0.1", "--learning-rate", "-0.1")]
    [InlineData("--learning-rate 0", "--learning-rate", "0")]
    [InlineData("--learning-rate NaN", "--learning-rate", "NaN")]
    [InlineData("--learning-rate Infinity", "--learning-rate", "Infinity")]
    [InlineData("--learning-rate fast", "--learning-rate", "fast")]
    [InlineData("--epochs -1", "--epochs", "-1")]
    [InlineData("--epochs 2.5", "--epochs", "2.5")]
    [InlineData("--hidden 0", "--hidden", "0")]
    [InlineData("--seed -1", "--seed", "-1")]
    [InlineData("--seed 4294967296", "--seed", "4294967296")]
    [InlineData("--speed 3", "--speed", "")]
    [InlineData("--epochs", "--epochs", "")]
    [InlineData("--epochs 1 --epochs 2", "--epochs", "")]
    [InlineData("stray", "stray", "")]
    public void A_bad_option_gives_one_line_on_stderr_naming_it_and_exit_code_2(string arguments, string option, string value)
    {
        var (exitCode, output, error) = Run(["xor", .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_gives_one_line_and_exit_code_2()
    {
        var (exitCode, _, error) = Run(["xnor"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("neuralnotebooks: unknown command 'xnor' (try --help)\n", error);
    }

    [Fact]
    public void Training_that_diverges_ends_with_one_line_naming_the_epoch_and_exit_code_1()
    {
        var (exitCode, _, error) = Run(["xor", "--learning-rate", "1e308", "--epochs", "50"]);

        Assert.Equal(1, exitCode);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Matches("diverged at epoch [0-9]+", error);
        Assert.Contains("smaller learning rate", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(string[] arguments) => CliRun.Run(arguments);
}
