using MathNet.Numerics.LinearAlgebra;
using static NeuralNotebooks.Tests.Charts.ChartJson;

namespace NeuralNotebooks.Tests.Charts;

// This folder's namespace hides the library's Charts class.
using Charts = NeuralNotebooks.Charts.Charts;

public class ClassifierChartsTests
{
    private static readonly string[] Fashion =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Class i: 40 + i examples right, i taken for the next class.</summary>
    private static int[,] Counts(int classes)
    {
        var counts = new int[classes, classes];
        for (var i = 0; i < classes; i++)
        {
            counts[i, i] = 40 + i;
            counts[i, (i + 1) % classes] = i;
        }
        return counts;
    }

    [Fact]
    public void The_confusion_matrix_labels_all_ten_classes_on_both_axes()
    {
        var chart = new ChartJson(Charts.ConfusionMatrix(Counts(10)));

        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            Assert.Equal("array", At(chart.Layout, $"{axis}.tickmode").GetString());
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), Numbers(At(chart.Layout, $"{axis}.tickvals")));
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i}"), Strings(At(chart.Layout, $"{axis}.ticktext")));
        }
        Assert.Equal("true class", At(chart.Layout, "yaxis.title.text").GetString());
        Assert.Equal("predicted class", At(chart.Layout, "xaxis.title.text").GetString());
        var heatmap = Assert.Single(chart.Traces);
        Assert.Equal(41, heatmap.GetProperty("z")[1][1].GetInt32());
        Assert.Equal(1, heatmap.GetProperty("z")[1][2].GetInt32());
    }

    [Fact]
    public void The_confusion_matrix_takes_class_names_and_tilts_them_to_fit()
    {
        var chart = new ChartJson(Charts.ConfusionMatrix(Counts(10), Fashion));

        Assert.Equal(Fashion, Strings(At(chart.Layout, "xaxis.ticktext")));
        Assert.Equal(Fashion, Strings(At(chart.Layout, "yaxis.ticktext")));
        Assert.NotEqual(0, At(chart.Layout, "xaxis.tickangle").GetInt32());
        Assert.Equal("Trouser", chart.Traces[0].GetProperty("customdata")[1][2][0].GetString());
        Assert.Equal("Pullover", chart.Traces[0].GetProperty("customdata")[1][2][1].GetString());
    }

    [Fact]
    public void Names_that_are_not_one_per_class_and_a_matrix_that_is_not_square_are_rejected()
    {
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(Counts(10), Fashion[..9])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[3, 4])).ParamName);
    }

    [Fact]
    public void Images_of_28_by_28_pixels_are_drawn_square_without_tick_labels_under_their_title()
    {
        var images = Matrix<double>.Build.Dense(7, 784, (i, j) => (i * 31 + j) % 255);
        var titles = Enumerable.Range(0, 7).Select(i => $"image {i}").ToList();

        var chart = new ChartJson(Charts.Images(images, titles, columns: 3, title: "Seven test images"));

        Assert.Equal("Seven test images", chart.Title);
        Assert.Equal(7, chart.Traces.Count);
        Assert.All(chart.Traces, t => Assert.Equal(28, t.GetProperty("z").GetArrayLength()));
        Assert.All(chart.Traces, t => Assert.Equal(28, t.GetProperty("z")[0].GetArrayLength()));
        for (var i = 0; i < 7; i++)
        {
            var suffix = i == 0 ? "" : $"{i + 1}";
            var (x, y) = (chart.Layout.GetProperty($"xaxis{suffix}"), chart.Layout.GetProperty($"yaxis{suffix}"));
            Assert.False(x.GetProperty("showticklabels").GetBoolean());
            Assert.False(y.GetProperty("showticklabels").GetBoolean());
            Assert.Equal("reversed", y.GetProperty("autorange").GetString());
            Assert.Equal($"x{suffix}", y.GetProperty("scaleanchor").GetString());
        }
    }

    [Fact]
    public void Image_titles_sit_above_their_images_with_room_between_rows()
    {
        var images = Matrix<double>.Build.Dense(8, 64, (i, j) => (i + j) % 17);
        var chart = new ChartJson(Charts.Images(images, Enumerable.Range(0, 8).Select(i => $"{i} → {(i + 1) % 10}").ToList(), columns: 4));
        var plotHeight = chart.Layout.GetProperty("height").GetDouble() - At(chart.Layout, "margin.t").GetDouble() - At(chart.Layout, "margin.b").GetDouble();
        var annotations = chart.Layout.GetProperty("annotations").EnumerateArray().ToList();

        Assert.Equal("0 → 1", annotations[0].GetProperty("text").GetString());
        for (var i = 0; i < 8; i++)
        {
            var domain = Numbers(chart.Layout.GetProperty(i == 0 ? "yaxis" : $"yaxis{i + 1}").GetProperty("domain"));
            Assert.Equal(domain[1], annotations[i].GetProperty("y").GetDouble(), 1e-9);
            Assert.Equal("bottom", annotations[i].GetProperty("yanchor").GetString());
            if (i + 4 < 8)
            {
                // The title of the image below starts at that image's top: at least 20 pixels under this image.
                var below = Numbers(chart.Layout.GetProperty($"yaxis{i + 5}").GetProperty("domain"));
                Assert.True((domain[0] - below[1]) * plotHeight >= 20, $"{(domain[0] - below[1]) * plotHeight:0.0} px between rows");
            }
        }
    }
}
