using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace NeuralNotebooks.Charts;

/// <summary>
/// Lets Plotly.NET run in the .NET Interactive kernel: Plotly.NET 6 asks for FSharp.Core 10.1, while the
/// kernel has already loaded its own FSharp.Core 10.0 and cannot load a second one. This answers the
/// request with the FSharp.Core already in the process.
/// </summary>
/// <remarks>
/// Installed by a module initializer, so it is in force as soon as any code of this library runs (the
/// notebooks' setup cell calls <see cref="Notebooks.NotebookSetup.Start"/> for that). The handler must
/// not name any F# type: resolving that type would re-enter the handler and overflow the stack.
/// </remarks>
internal static class FSharpCoreRebinding
{
    private const string FSharpCore = "FSharp.Core";
    private static int _installed;

#pragma warning disable CA2255 // A library that notebooks #r needs this: there is no application entry point to call it from.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += ResolveToLoadedFSharpCore;
        }
    }

    private static Assembly? ResolveToLoadedFSharpCore(AssemblyLoadContext context, AssemblyName requested) =>
        requested.Name == FSharpCore
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == FSharpCore)
            : null;
}
