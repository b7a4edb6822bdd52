// Shared by every notebook's second cell, after it references the library: starts the library (the
// FSharp.Core rebinding Plotly.NET needs), shows matrices as grids of numbers, defines ShowProgress()
// for training cells and UseOfflineCharts() for drawing charts with no network.
using System;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;
using NeuralNotebooks.Charts;
using NeuralNotebooks.Notebooks;
using NeuralNotebooks.Training;

Console.WriteLine(NotebookSetup.Start());

Formatter.Register<Matrix<double>>(
    (matrix, writer) => writer.Write(ValueText.Matrix(matrix)),
    "text/plain");
Formatter.SetPreferredMimeTypesFor(typeof(Matrix<double>), "text/plain");

/// <summary>From now on, every chart carries plotly.js (shipped in the Plotly.NET package) and draws offline.</summary>
static void UseOfflineCharts()
{
    ChartOutput.Offline = true;
    Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(ChartOutput.OfflineHtml(chart)), "text/html");
}

if (ChartOutput.Offline)
{
    UseOfflineCharts();
}

/// <summary>A per-epoch callback that keeps one line under the cell up to date while it trains.</summary>
static Action<EpochReport> ShowProgress()
{
    // Not display(): in kernel 1.0.712001 the display() helper announces the value under one id and
    // updates it under another, so clients never replace the first line. The context's Display keeps one id.
    var line = Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.Display(
        Microsoft.DotNet.Interactive.KernelInvocationContext.Current, "Starting…", "text/plain");
    return ProgressLine.Every(text => line.Update(text));
}
