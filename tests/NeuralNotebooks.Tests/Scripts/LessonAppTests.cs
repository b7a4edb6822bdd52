using System.Text.Json;
using NeuralNotebooks.Runner;
using NeuralNotebooks.Runner.Scripts;
using NeuralNotebooks.Tests.Notebooks;
using NeuralNotebooks.Tests.Notebooks.Checks;

namespace NeuralNotebooks.Tests.Scripts;

/// <summary>
/// Every notebook converted to a C# file-based app, built and run with <c>dotnet run</c> as a learner would, must print
/// what the notebook prints: the same output checks as the notebook's run in the stock kernel (Notebooks/Checks), read
/// from the app's output, with its charts read from the HTML pages it saves.
/// </summary>
public class LessonAppTests(LessonApps apps) : IClassFixture<LessonApps>
{
    [Theory]
    [MemberData(nameof(LessonApps.Names), MemberType = typeof(LessonApps))]
    public async Task A_lesson_app_runs_and_prints_what_the_notebook_prints(string name)
    {
        var build = apps.Build(name);
        Assert.True(build.ExitCode == 0, $"dotnet build {LessonApps.FileOf(name)} failed:\n{build.Printed}");

        var run = await apps.RunAsync(name);

        Assert.True(run.ExitCode == 0, $"dotnet run {LessonApps.FileOf(name)} exited with {run.ExitCode}:\n{run.Printed}");
        Assert.Equal("", run.Error);
        var notebookRun = AppOutput.AsNotebookRun(LessonApps.Notebooks[name], run.Output, LessonApps.FolderOf(name));
        Assert.True(notebookRun.Succeeded, $"Not every cell of {name} ran:\n{run.Output}");
        var check = NotebookCheck.For(name);
        Assert.True(check is not null, $"No output checks for {name}: add a NotebookCheck for it in Notebooks/Checks.");
        check.Check(new ExecutedNotebook(notebookRun));
    }

    [Theory]
    [MemberData(nameof(LessonApps.Names), MemberType = typeof(LessonApps))]
    public async Task A_lesson_app_saves_one_page_per_chart_each_carrying_plotly_js_and_the_charts_data(string name)
    {
        var run = await apps.RunAsync(name);

        var printed = run.Output.Split('\n').Select(AppOutput.ChartPage).OfType<string>().ToList();
        var saved = Directory.GetFiles(LessonApps.FolderOf(name), $"{Path.GetFileName(name)}-chart-*.html").Select(Path.GetFileName).ToList();
        Assert.Equal(printed.Order(StringComparer.Ordinal), saved.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, printed.Count).Select(i => $"{Path.GetFileName(name)}-chart-{i}.html"), printed);
        foreach (var page in printed)
        {
            var html = File.ReadAllText(Path.Combine(LessonApps.FolderOf(name), page));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.True(PlotlyHtml.EmbedsPlotlyJs(html), $"{page} does not carry plotly.js");
            Assert.NotEmpty(JsonDocument.Parse(PlotlyHtml.TraceData(html)).RootElement.EnumerateArray());
        }
    }

    [Fact]
    public async Task An_app_written_outside_the_repository_prints_and_draws_what_it_does_inside()
    {
        const string name = "04-results-and-plots";
        var folder = Directory.CreateTempSubdirectory("lesson-app-");
        try
        {
            ScriptExport.Write(LessonApps.Notebooks[name], folder.FullName);
            var build = await DotNetProcess.RunAsync(folder.FullName, LessonApps.Timeout, "build", LessonApps.FileOf(name), "-v", "q");
            Assert.True(build.ExitCode == 0, build.Printed);

            var outside = await DotNetProcess.RunAsync(folder.FullName, LessonApps.Timeout, "run", "--no-build", LessonApps.FileOf(name));
            var inside = await apps.RunAsync(name);

            Assert.Equal(0, outside.ExitCode);
            Assert.Equal(AppOutput.Steady(inside.Output), AppOutput.Steady(outside.Output));
            var pages = outside.Output.Split('\n').Select(AppOutput.ChartPage).OfType<string>().ToList();
            Assert.NotEmpty(pages);
            foreach (var page in pages)
            {
                Assert.Equal(
                    PlotlyHtml.TraceData(File.ReadAllText(Path.Combine(LessonApps.FolderOf(name), page))),
                    PlotlyHtml.TraceData(File.ReadAllText(Path.Combine(folder.FullName, page))));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
