using System.Globalization;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Tests.Training;

public class ProgressLineTests
{
    [Fact]
    public void The_line_counts_the_epochs_done_and_shows_the_loss_of_the_last_one()
    {
        Assert.Equal("1 / 1,000 epochs · loss 0.2522", ProgressLine.Format(new EpochReport(0, 1000, 0.25221899764405625)));
        Assert.Equal("1,000 / 1,000 epochs · loss 0.2392", ProgressLine.Format(new EpochReport(999, 1000, 0.2391981845029099)));
    }

    [Fact]
    public void The_line_reads_the_same_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A culture that groups thousands with dots, as German does (the tests run in invariant-globalization mode).
            var dotted = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            dotted.NumberFormat.NumberGroupSeparator = ".";
            dotted.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = dotted;

            Assert.Equal("10,000 / 10,000 epochs · loss 0.0001", ProgressLine.Format(new EpochReport(9999, 10_000, 0.00012)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void However_fast_the_epochs_the_first_and_the_last_are_always_shown()
    {
        var lines = new List<string>();
        var callback = ProgressLine.Every(lines.Add, TimeSpan.FromDays(1));

        for (var epoch = 0; epoch < 500; epoch++)
        {
            callback(new EpochReport(epoch, 500, 0.5));
        }

        Assert.Equal(["1 / 500 epochs · loss 0.5000", "500 / 500 epochs · loss 0.5000"], lines);
    }

    [Fact]
    public void A_null_destination_or_report_is_rejected()
    {
        Assert.Equal("show", Assert.Throws<ArgumentNullException>(() => ProgressLine.Every(null!)).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => ProgressLine.Format(null!)).ParamName);
    }
}
