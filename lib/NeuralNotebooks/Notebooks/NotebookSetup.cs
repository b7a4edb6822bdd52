using NeuralNotebooks.Charts;

namespace NeuralNotebooks.Notebooks;

/// <summary>What the notebooks' setup cell calls once the library is referenced.</summary>
public static class NotebookSetup
{
    /// <summary>
    /// Makes sure everything the notebooks need is in force (the FSharp.Core rebinding that Plotly.NET
    /// needs in the kernel, before any chart is built) and says which library the notebook is using.
    /// </summary>
    public static string Start()
    {
        FSharpCoreRebinding.Install();
        UseSingleThreadedMathNet();
        var version = typeof(NotebookSetup).Assembly.GetName().Version;
        var charts = ChartOutput.Offline ? "charts embed plotly.js (offline)" : "charts load plotly.js online";
        return $"NeuralNotebooks {version} ready; {charts}.";
    }

    /// <summary>
    /// Makes MathNet.Numerics compute on the calling thread. By default it splits any matrix of more than 64 rows
    /// across threads, which costs several times more than it saves on the course's small matrices (a 200 × 8
    /// product: 74 µs instead of 14 µs); the results are the same to the last bit either way. The library's fast
    /// paths use both cores themselves.
    /// </summary>
    public static void UseSingleThreadedMathNet() => MathNet.Numerics.Control.UseSingleThread();
}
