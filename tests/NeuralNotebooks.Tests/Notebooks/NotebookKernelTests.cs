using System.Text.Json;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Tests.Fixtures;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// Every notebook, run top to bottom in the stock kernel process (the one VS Code starts), then every
/// cell again in the same kernel, as a learner who re-runs cells does.
/// </summary>
[Collection(StockKernel.Name)]
public class NotebookKernelTests(ITestOutputHelper log)
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public async Task A_notebook_runs_top_to_bottom_in_the_stock_kernel_and_again_when_rerun(string name)
    {
        await using var kernel = await StockKernel.StartAsync();

        var first = await NotebookRun.RunAsync(kernel, CourseNotebooks.PathOf(name), StockKernel.CellTimeout);
        Assert.True(first.Succeeded, first.DescribeFailure());
        log.WriteLine($"{name}: {first.Elapsed.TotalSeconds:0.0} s in cells, first chart after {first.TimeToFirstChart?.TotalSeconds:0.0} s");
        CheckOutputs(name, first);

        var again = await NotebookRun.RunAsync(kernel, CourseNotebooks.PathOf(name), StockKernel.CellTimeout);
        Assert.True(again.Succeeded, "Re-running every cell in the same kernel: " + again.DescribeFailure());
        CheckOutputs(name, again);
    }

    /// <summary>The key outputs of each notebook, checked against independent expectations.</summary>
    private static void CheckOutputs(string name, NotebookRun run)
    {
        var charts = run.Cells.SelectMany(c => c.Result.ValuesOf("text/html")).Where(PlotlyHtml.IsChart).Select(Traces).ToList();
        var output = string.Concat(run.Cells.Select(c => c.Result.StandardOutput));
        switch (name)
        {
            case "01-neurons-and-activations":
                var activation = Assert.Single(charts);
                Assert.Equal(["sigmoid", "sigmoid′ (its slope)"], activation.Select(t => t.GetProperty("name").GetString()));
                var z = Numbers(activation[0], "x");
                Assert.Equal(z.Select(NeuralNotebooks.Activations.Sigmoid.Value), Numbers(activation[0], "y"));
                Assert.Equal(0.25, Numbers(activation[1], "y").Max());
                break;
            case "02-forward-pass":
                Assert.Contains("True\nTrue\n", output, StringComparison.Ordinal);
                Assert.Contains("-0.250919762305275", string.Concat(run.Cells.SelectMany(c => c.Result.ValuesOf("text/plain"))), StringComparison.Ordinal);
                break;
            case "03-backpropagation-and-training":
                var blogLines = EpochLines(ReferenceFiles.Text("seed-xor-output.txt"));
                var loops = run.Cells.Select(c => c.Result.StandardOutput).Where(o => o.StartsWith("Epoch 0,", StringComparison.Ordinal)).ToList();
                Assert.Equal(2, loops.Count); // the inline loop and the library's Train
                Assert.All(loops, loop => Assert.Equal(blogLines, loop));
                Assert.Contains(LinesAfter(ReferenceFiles.Text("seed-xor-output.txt"), Predictions), output, StringComparison.Ordinal);
                AssertProgressEndsAt(run, "Epoch 1,000 / 1,000");
                break;
            case "04-results-and-plots":
                var reference = ReferenceFiles.Text("xor-lr1.0-epochs10000.txt");
                Assert.Contains(LinesAfter(reference, Predictions), output, StringComparison.Ordinal);
                Assert.Contains(LinesAfter(reference, NoisyInputs), output, StringComparison.Ordinal);
                Assert.Equal(3, charts.Count);
                var losses = Numbers(Assert.Single(charts[0]), "y");
                Assert.Equal(10_000, losses.Length);
                Assert.Equal(Blog(learningRate: 1.0, epochs: 10_000).Losses, losses);
                foreach (var boundary in charts.Skip(1))
                {
                    Assert.Equal(["heatmap", "scatter", "scatter"], boundary.Select(t => t.GetProperty("type").GetString()));
                    Assert.Equal(50, boundary[0].GetProperty("z").GetArrayLength());
                    Assert.Equal(4, boundary.Skip(1).Sum(t => t.GetProperty("x").GetArrayLength()));
                }
                AssertProgressEndsAt(run, "Epoch 10,000 / 10,000");
                break;
            case "05-learning-rate-lab":
                Assert.Equal(3, charts.Count); // the loss curve, the sweep, epochs to reach the threshold
                var sweep = charts[1];
                Assert.Equal(13, sweep.Count); // one trace per rate
                Assert.Equal(13, sweep.Select(t => t.GetProperty("name").GetString()).Distinct().Count());
                Assert.All(sweep, t => Assert.StartsWith("η = ", t.GetProperty("name").GetString(), StringComparison.Ordinal));
                Assert.Contains("Training diverged at epoch", output, StringComparison.Ordinal);
                Assert.Contains("Try a smaller learning rate.", output, StringComparison.Ordinal);
                Assert.Contains("η = 0.5: loss 0.2522 → ", output, StringComparison.Ordinal);
                break;
            case "06-activation-functions":
                Assert.Equal(6, charts.Count); // four activations, the race's loss curves, the circle's boundaries
                Assert.Equal(["linear", "linear′ (its slope)"], charts[3].Select(t => t.GetProperty("name").GetString()));
                Assert.Equal(["sigmoid", "tanh", "relu", "leaky-relu", "linear"], charts[4].Select(t => t.GetProperty("name").GetString()));
                Assert.Equal(5 * 3, charts[5].Count); // per activation: a heatmap and the two classes' points
                Assert.Matches(@"linear\s+XOR\s+[1-6]?[0-9]\.[0-9] %", output);   // a linear network cannot learn XOR
                Assert.Matches(@"relu\s+XOR 100\.0 %", output);
                Assert.Matches(@"dead ReLUs: \d+ of 16 at Adam 0.01, \d+ of 16 at SGD 5", output);
                break;
            case "07-datasets-and-decision-boundaries":
                Assert.Equal(5, charts.Count);                     // data sets, boundaries, two layers of hidden units, the animation
                Assert.Equal(5 * 2, charts[0].Count);              // five data sets, two classes each
                Assert.Equal(4 * 3, charts[1].Count);              // four network shapes: a heatmap and two point sets
                Assert.Equal(16, charts[2].Count);                 // one map per neuron of hidden layer 1
                var animation = charts[4];
                var frames = animation.Count(t => t.GetProperty("type").GetString() == "heatmap");
                Assert.Equal(11, frames);                         // epochs 0, 15, …, 135 and the last
                Assert.Single(animation, t => t.GetProperty("type").GetString() == "heatmap" && t.GetProperty("visible").GetBoolean());
                Assert.Contains("\"sliders\":[{\"steps\":", run.Cells.SelectMany(c => c.Result.ValuesOf("text/html")).Last(PlotlyHtml.IsChart), StringComparison.Ordinal);
                break;
            case "08-optimizers-and-batches":
                Assert.Equal(3, charts.Count);
                Assert.Equal(3, charts[0].Count);
                Assert.Equal(3, charts[1].Count);
                var sizes = System.Text.RegularExpressions.Regex.Matches(output, @"weight size\s+([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(2, sizes.Count);
                Assert.True(sizes[1] < sizes[0] / 2, "L2 keeps the weights smaller");
                break;
            case "09-handwritten-digits":
                var accuracy = System.Text.RegularExpressions.Regex.Match(output, @"test accuracy ([0-9.]+) %");
                Assert.True(accuracy.Success, output);
                Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 95, $"test accuracy {accuracy.Groups[1].Value} % is below 95 %");
                Assert.Equal(4, charts.Count);                     // sample digits, loss curve, confusion matrix, mistakes
                var confusion = Assert.Single(charts[2]);
                Assert.Equal(449, confusion.GetProperty("z").EnumerateArray().Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));
                AssertProgressEndsAt(run, "Epoch 30 / 30");
                break;
            default:
                Assert.Fail($"No output checks for {name}: add them here.");
                break;
        }
    }

    private static NeuralNotebooks.Training.TrainingHistory Blog(double learningRate, int epochs) =>
        new NeuralNotebooks.Network.SimpleNeuralNetwork(4, 42).Train(NeuralNotebooks.Data.Xor.Inputs, NeuralNotebooks.Data.Xor.Targets, epochs, learningRate);

    private static void AssertProgressEndsAt(NotebookRun run, string finalLine)
    {
        var progress = run.Cells.SelectMany(c => c.Result.Outputs).Where(o => o.Kind == OutputKind.Display && o.Updates > 0).ToList();
        Assert.NotEmpty(progress);
        Assert.Contains(progress, p => p.Text("text/plain") is { } line && line.StartsWith(finalLine, StringComparison.Ordinal));
    }

    private static List<JsonElement> Traces(string html) =>
        JsonDocument.Parse(PlotlyHtml.TraceData(html)).RootElement.EnumerateArray().ToList();

    private static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private const string Predictions = "Input -> Predicted Output (Expected)";
    private const string NoisyInputs = "Testing with slightly different inputs:";

    /// <summary>The blog's "Epoch N, Loss: …" lines of a reference output.</summary>
    private static string EpochLines(string text) =>
        string.Concat(text.Split('\n').Where(l => l.StartsWith("Epoch ", StringComparison.Ordinal)).Select(l => l + "\n"));

    /// <summary>The four lines after a heading line of a reference output (the blog tests four inputs each time).</summary>
    private static string LinesAfter(string text, string heading)
    {
        var lines = text.Split('\n').ToList();
        return string.Concat(lines.Skip(lines.IndexOf(heading) + 1).Take(4).Select(l => l + "\n"));
    }
}
