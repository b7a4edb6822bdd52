using NeuralNotebooks.Cli;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Cli;

public class EpochProgressTests
{
    [Theory]
    [InlineData(123.44, "123.4 s")]
    [InlineData(12.34, "12.3 s")]
    [InlineData(4.8249, "4.82 s")]
    [InlineData(0.8504, "850 ms")]
    [InlineData(0.00314, "3.14 ms")]
    [InlineData(0.00042, "0.42 ms")]
    public void A_time_is_shown_to_about_three_significant_digits_in_seconds_or_milliseconds(double seconds, string expected) =>
        Assert.Equal(expected, EpochProgress.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Each_line_the_library_would_show_gets_the_time_of_an_epoch()
    {
        var lines = new List<string>();
        var onEpoch = EpochProgress.Every(lines.Add, TimeSpan.Zero);

        for (var epoch = 0; epoch < 3; epoch++)
        {
            Thread.Sleep(20);
            onEpoch(new EpochReport(epoch, 3, 0.5));
        }

        Assert.Equal(3, lines.Count);
        Assert.All(lines.Select((line, i) => (line, i)), l => Assert.Matches($"^{l.i + 1} / 3 epochs · loss 0.5000 · [0-9.]+ m?s an epoch$", l.line));
    }

    [Fact]
    public void Between_throttled_lines_the_time_is_the_mean_of_the_epochs_since_the_last_line()
    {
        var lines = new List<string>();
        var onEpoch = EpochProgress.Every(lines.Add, TimeSpan.FromHours(1));

        onEpoch(new EpochReport(0, 11, 0.5));
        Thread.Sleep(200);
        for (var epoch = 1; epoch < 11; epoch++)
        {
            onEpoch(new EpochReport(epoch, 11, 0.5));
        }

        // 200 ms or a little more over the ten epochs since the first line: about 20 ms each, never the 200 ms of the whole wait.
        Assert.Equal(2, lines.Count);
        var milliseconds = double.Parse(System.Text.RegularExpressions.Regex.Match(lines[1], "· ([0-9.]+) ms an epoch$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, 19, 100);
    }
}
