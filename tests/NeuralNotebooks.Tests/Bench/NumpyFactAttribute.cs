using NeuralNotebooks.Bench;

namespace NeuralNotebooks.Tests.Bench;

/// <summary>
/// A test that reads the benchmark's data with Debian's Python and numpy, the benchmark's own reader; skipped with
/// the reason where numpy is not installed (the benchmark installs it when it runs).
/// </summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute()
    {
        if (!DebianPackages.PythonImports("numpy"))
        {
            Skip = $"Needs Debian's python3-numpy for {PythonScript.Python} (the benchmark installs it).";
        }
    }
}
