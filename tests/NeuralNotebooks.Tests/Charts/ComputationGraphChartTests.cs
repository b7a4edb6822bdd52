using System.Globalization;
using System.Text.Json;
using NeuralNotebooks.Autograd;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Tests.Fixtures;
using Plotly.NET;

namespace NeuralNotebooks.Tests.Charts;

/// <summary>The computation graph chart, read back from the traces Plotly.NET would draw.</summary>
public class ComputationGraphChartTests
{
    /// <summary>One neuron and its loss, as notebook 6 builds it: ½(y − σ(w1·x1 + w2·x2 + b))².</summary>
    private static (Value Loss, Value W1) Neuron()
    {
        var (w1, x1, w2, x2, b) = (new Value(0.5, "w1"), new Value(1.0, "x1"), new Value(-0.3, "w2"), new Value(0.5, "x2"), new Value(0.1, "b"));
        var a = (w1 * x1 + w2 * x2 + b).Named("z").Sigmoid().Named("a");
        var error = (1.0 - a).Named("y − a");
        var loss = (0.5 * error * error).Named("loss");
        loss.Backward();
        return (loss, w1);
    }

    [Fact]
    public void A_neurons_graph_has_a_box_per_value_a_circle_per_operation_and_a_line_per_edge()
    {
        var traces = Traces(NeuronChart());

        Assert.Equal(["edges", "operations", "values"], traces.Keys.Order());
        // 5 inputs, 2 constants (y and ½), 8 computed values: w1·x1, w2·x2, their sum, z, a, y − a, ½(y − a), loss.
        Assert.Equal(15, Texts(traces["values"]).Length);
        Assert.Equal(["+", "+", "×", "×", "×", "×", "σ", "−"], Texts(traces["operations"]).Order(StringComparer.Ordinal));
        // Each operation has one line per input and one to its result: 2+2+2+2+1+2+2+2 inputs, 8 results; 3 entries each (from, to, break).
        Assert.Equal(3 * (15 + 8), traces["edges"].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Each_box_shows_its_label_value_and_gradient()
    {
        var texts = Texts(Traces(NeuronChart())["values"]);

        // ∂loss/∂w1 = −(y − a) · a(1 − a) · x1, worked out here from the formula.
        var a = 1 / (1 + Math.Exp(-(0.5 * 1.0 - 0.3 * 0.5 + 0.1)));
        var gradient = -(1 - a) * a * (1 - a) * 1.0;
        Assert.Contains($"<b>w1</b><br>0.5<br>∂ {gradient.ToString("G4", CultureInfo.InvariantCulture)}", texts);
        Assert.Contains($"<b>a</b><br>{a.ToString("G4", CultureInfo.InvariantCulture)}<br>∂ {(-(1 - a)).ToString("G4", CultureInfo.InvariantCulture)}", texts);
        Assert.Contains("<br>∂ 1", texts.Single(t => t.StartsWith("<b>loss</b>", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(["a", "b", "loss", "w1", "w2", "x1", "x2", "y − a", "z"],
            texts.Where(t => t.StartsWith("<b>", StringComparison.Ordinal)).Select(t => t[3..t.IndexOf("</b>", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_inputs_are_on_the_left_and_the_output_alone_on_the_right()
    {
        var values = Traces(NeuronChart())["values"];
        var texts = Texts(values);
        var x = Numbers(values, "x");
        double At(string label) => x[Array.FindIndex(texts, t => t.StartsWith($"<b>{label}</b>", StringComparison.Ordinal))];

        Assert.Equal(x.Max(), At("loss"));
        Assert.Single(x, v => v == x.Max());
        Assert.All(["w1", "x1", "w2", "x2"], input => Assert.Equal(x.Min(), At(input)));
        Assert.True(At("b") < At("z") && At("z") < At("a") && At("a") < At("y − a") && At("y − a") < At("loss"));
    }

    [Fact]
    public void The_blogs_whole_error_draws_with_no_two_boxes_overlapping()
    {
        var network = new SimpleNeuralNetwork(4, 42);
        var error = new BlogErrorFromValues(network, Xor.Inputs, Xor.Targets).E;

        var values = Traces(Plotly.NET.CSharp.GenericChartExtensions.WithSize(NeuralNotebooks.Charts.Charts.ComputationGraph(error), 100, 100))["values"];

        var (x, y) = (Numbers(values, "x"), Numbers(values, "y"));
        var size = values.GetProperty("marker").GetProperty("size").GetDouble();
        Assert.Equal(error.TopologicalOrder().Count, x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                Assert.True(Math.Abs(x[i] - x[j]) >= size || Math.Abs(y[i] - y[j]) >= size, $"boxes {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void A_lone_value_draws_as_one_box_with_no_operations()
    {
        var traces = Traces(NeuralNotebooks.Charts.Charts.ComputationGraph(new Value(2, "x")));

        Assert.Equal(["<b>x</b><br>2<br>∂ 0"], Texts(traces["values"]));
        Assert.Empty(Texts(traces["operations"]));
        Assert.Equal(0, traces["edges"].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void A_null_output_is_rejected() =>
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => NeuralNotebooks.Charts.Charts.ComputationGraph(null!)).ParamName);

    private static GenericChart NeuronChart() => NeuralNotebooks.Charts.Charts.ComputationGraph(Neuron().Loss);

    private static Dictionary<string, JsonElement> Traces(GenericChart chart) =>
        JsonDocument.Parse(PlotlyHtml.TraceData(GenericChart.toChartHTML(chart))).RootElement.EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!);

    private static string[] Texts(JsonElement trace) =>
        trace.TryGetProperty("text", out var text) ? text.EnumerateArray().Select(t => t.GetString()!).ToArray() : [];

    private static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
