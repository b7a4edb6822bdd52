using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;

namespace NeuralNotebooks.Charts;

// Charts for classifiers of images: the confusion matrix and grids of images.
public static partial class Charts
{
    /// <summary>
    /// The confusion matrix as a heatmap, each cell showing its count: row = the true class, column = the predicted
    /// class. Every class is labelled, by <paramref name="classNames"/> when given, else by its number.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, or the names are not one per class.</exception>
    public static GenericChart ConfusionMatrix(int[,] counts, IReadOnlyList<string>? classNames = null)
    {
        Guard.NotNull(counts, nameof(counts));
        var classes = counts.GetLength(0);
        if (counts.GetLength(1) != classes)
        {
            throw new ArgumentException($"counts must be square (one row and one column per class), but was {classes}×{counts.GetLength(1)}.", nameof(counts));
        }
        if (classNames is not null && classNames.Count != classes)
        {
            throw new ArgumentException($"classNames must have one name per class ({classes}), but had {classNames.Count}.", nameof(classNames));
        }
        var names = classNames?.ToArray() ?? Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var positions = Enumerable.Range(0, classes).ToArray();
        var heatmap = Trace("heatmap", new()
        {
            ["z"] = positions.Select(actual => positions.Select(predicted => counts[actual, predicted]).ToArray()).ToArray(),
            ["x"] = positions,
            ["y"] = positions,
            ["customdata"] = positions.Select(actual => positions.Select(predicted => new[] { names[actual], names[predicted] }).ToArray()).ToArray(),
            ["name"] = "examples",
            ["colorscale"] = "YlGnBu",
            ["reversescale"] = true,
            ["texttemplate"] = "%{z}",
            ["hovertemplate"] = "true class: %{customdata[0]}<br>predicted: %{customdata[1]}<br>%{z} examples<extra></extra>",
            ["colorbar"] = ColorBar("examples"),
        });
        Dictionary<string, object> Axis(string title, bool reversed) => new()
        {
            ["title"] = new Dictionary<string, object> { ["text"] = title },
            ["tickmode"] = "array",
            ["tickvals"] = positions,
            ["ticktext"] = names,
            ["autorange"] = reversed ? "reversed" : true,
            ["showgrid"] = false,
            ["zeroline"] = false,
        };
        var longest = names.Max(n => n.Length);
        return Figure([heatmap], new()
        {
            ["title"] = TitleOf("Confusion matrix", "row: the true class; column: the class predicted; the diagonal is right"),
            ["xaxis"] = new Dictionary<string, object>(Axis("predicted class", reversed: false)) { ["tickangle"] = longest > 2 ? -40 : 0, ["side"] = "bottom" },
            ["yaxis"] = Axis("true class", reversed: true),
        }, width: 600 + 6 * longest, height: 560 + 5 * longest);
    }

    /// <summary>
    /// Images drawn in a grid, one heatmap each with its title above it, square pixels and no axes: for digits, 64
    /// pixels as 8 × 8; for Fashion-MNIST, 784 as 28 × 28. Every image shares one grey scale, darkest for the largest value.
    /// </summary>
    /// <exception cref="ArgumentException">The titles do not match the images, or a row's length is not a square number.</exception>
    public static GenericChart Images(Matrix<double> images, IReadOnlyList<string> titles, int columns = 6, string title = "Images")
    {
        Guard.NotNull(images, nameof(images));
        Guard.NotNull(titles, nameof(titles));
        Guard.NotNull(title, nameof(title));
        Guard.AtLeast(columns, 1, nameof(columns));
        if (titles.Count != images.RowCount)
        {
            throw new ArgumentException($"titles must have one entry per image ({images.RowCount}), but had {titles.Count}.", nameof(titles));
        }
        var side = (int)Math.Round(Math.Sqrt(images.ColumnCount));
        if (side * side != images.ColumnCount)
        {
            throw new ArgumentException($"images must have a square number of pixels per row, but had {images.ColumnCount}.", nameof(images));
        }
        var (lowest, highest) = images.RowCount == 0 ? (0.0, 1.0) : (images.Enumerate().Min(), images.Enumerate().Max());
        var cells = Enumerable.Range(0, images.RowCount).Select(i => new[]
        {
            Trace("heatmap", new()
            {
                ["z"] = Enumerable.Range(0, side).Select(r => Significant(Enumerable.Range(0, side).Select(c => images[i, r * side + c]))).ToArray(),
                ["name"] = titles[i],
                // plotly's Greys runs from black at 0 to white at 1: reversed, the largest values are the darkest ink.
                ["colorscale"] = "Greys",
                ["reversescale"] = true,
                ["zmin"] = lowest,
                ["zmax"] = highest > lowest ? highest : lowest + 1,
                ["showscale"] = false,
                ["xaxis"] = $"x{Axes(i)}",
                ["yaxis"] = $"y{Axes(i)}",
                ["hovertemplate"] = "row %{y}, column %{x}: %{z}<extra></extra>",
            }),
        });
        static void Bare(Dictionary<string, object> axis)
        {
            (axis["showticklabels"], axis["showgrid"], axis["zeroline"], axis["ticks"]) = (false, false, false, "");
        }
        return Panels(cells, titles, title, columns: Math.Max(1, Math.Min(columns, images.RowCount)), size: 110, colorBar: null, (i, x, y) =>
        {
            Bare(x);
            Bare(y);
            // Row 0 at the top, and square pixels whatever the panel's shape.
            (y["autorange"], y["scaleanchor"]) = ("reversed", $"x{Axes(i)}");
        }, tickLabels: false);
    }
}
