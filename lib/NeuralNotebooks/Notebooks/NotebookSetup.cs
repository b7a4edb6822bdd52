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
        var version = typeof(NotebookSetup).Assembly.GetName().Version;
        var charts = ChartOutput.Offline ? "charts embed plotly.js (offline)" : "charts load plotly.js online";
        return $"NeuralNotebooks {version} ready; {charts}.";
    }
}
