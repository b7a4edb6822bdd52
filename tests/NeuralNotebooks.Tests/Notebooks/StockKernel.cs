using NeuralNotebooks.Runner;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// Tests that start the stock kernel process run one at a time: each kernel takes a core, and the first
/// notebook's setup may build the library, which two kernels must not do at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StockKernel : ICollectionFixture<StockKernel.Tool>
{
    public const string Name = "stock kernel";

    /// <summary>A generous bound: the first cell of a fresh machine restores packages and builds the library.</summary>
    public static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Starts a kernel in the notebooks folder, as VS Code does for a notebook there.</summary>
    public static Task<KernelProcess> StartAsync(string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        KernelProcess.StartAsync(CourseNotebooks.Root, workingDirectory ?? Path.Combine(CourseNotebooks.Root, "notebooks"), environment);

    /// <summary>Restores the kernel pinned in .config/dotnet-tools.json once, before the first kernel starts.</summary>
    public sealed class Tool : IAsyncLifetime
    {
        public Task InitializeAsync() => Repository.RestoreKernelToolAsync(CourseNotebooks.Root);

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
