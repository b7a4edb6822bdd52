using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>Runs one course notebook through the headless run once (as <c>run</c> does), into a temporary folder, for a test class to share.</summary>
public abstract class HeadlessRunFixture(string notebook) : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory($"headless-run-{notebook[..2]}-");

    public HeadlessNotebook Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Repository.RestoreKernelToolAsync(CourseNotebooks.Root);
        Result = await HeadlessRun.RunAsync(CourseNotebooks.Root, CourseNotebooks.PathOf(notebook), _output.FullName);
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
