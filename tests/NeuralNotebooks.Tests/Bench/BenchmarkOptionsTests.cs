using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

public class BenchmarkOptionsTests
{
    [Fact]
    public void With_no_arguments_every_workload_runs_three_times_and_W7_trains_two_epochs()
    {
        var options = BenchmarkOptions.Parse([]);

        Assert.Equal(["W1", "W2", "W3", "W4", "W5", "W6", "W7"], options.Workloads);
        Assert.Equal((3, 2, false), (options.Repeat, options.FashionEpochs, options.LibraryOnly));
    }

    [Fact]
    public void Named_workloads_run_in_the_order_given_whatever_their_case()
    {
        var options = BenchmarkOptions.Parse(["w7", "W2", "--epochs=5", "--repeat=1", "W2"]);

        Assert.Equal(["W7", "W2"], options.Workloads);
        Assert.Equal((1, 5), (options.Repeat, options.FashionEpochs));
    }

    [Theory]
    [InlineData("--repeat=0", "--repeat must be a whole number of at least 1, but was '0'.")]
    [InlineData("--epochs=two", "--epochs must be a whole number of at least 1, but was 'two'.")]
    [InlineData("--fast", "but one was '--fast'.")]
    public void A_bad_argument_is_rejected_with_its_value(string argument, string message)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => BenchmarkOptions.Parse([argument]));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
