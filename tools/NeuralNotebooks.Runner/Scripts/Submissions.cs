using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralNotebooks.Runner.Scripts;

/// <summary>
/// A notebook's C# cells compiled one after another as the notebook kernel compiles them (each cell a script submission
/// that sees the variables, functions and usings of the cells before it), to learn the type of a cell's trailing
/// expression: a call that returns nothing (<c>Console.WriteLine(x)</c> without its semicolon) shows nothing in a
/// notebook, so an app must not pass it to <see cref="ScriptCell.ShowMethod"/>.
/// </summary>
/// <remarks>
/// The compilations reference the assemblies this program runs with (the .NET runtime, the course library, MathNet,
/// Plotly.NET); the kernel's directives are blanked out, and the helpers of setup/start.csx are declared up front. As in
/// the kernel, a cell that does not compile leaves nothing behind for the cells after it. A name that cannot be resolved
/// has an unknown type, and an expression of unknown type is taken to have a value, as almost every trailing expression does.
/// </remarks>
internal sealed class Submissions
{
    // The kernel's default imports.
    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)
        .WithUsings("System", "System.Collections", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");

    // What setup/start.csx declares for the cells after it.
    private const string StartHelpers = """
        static System.Action<NeuralNotebooks.Training.EpochReport> ShowProgress() => _ => { };
        static void UseOfflineCharts() { }
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    private CSharpCompilation? _previous;
    private int _count;

    public Submissions() => Compile(ScriptCell.ParseTree(StartHelpers));

    /// <summary>Compiles the next cell after the ones before it that compiled, and returns what is known of its code.</summary>
    public SemanticModel Add(string code)
    {
        var tree = ScriptCell.ParseTree(Blank(ScriptCell.ParseTree(code)));
        return Compile(tree).GetSemanticModel(tree);
    }

    /// <summary>True when the expression (found by its place in the cell) is known to return nothing: its type is <c>void</c>.</summary>
    public static bool ReturnsNothing(SemanticModel model, ExpressionSyntax expression) =>
        model.SyntaxTree.GetRoot().FindNode(expression.Span, getInnermostNodeForTie: true) is ExpressionSyntax same
        && model.GetTypeInfo(same).Type is { SpecialType: SpecialType.System_Void };

    private CSharpCompilation Compile(SyntaxTree tree)
    {
        var compilation = CSharpCompilation.CreateScriptCompilation($"Submission{++_count}", tree, References.Value, Options, _previous, typeof(object));
        if (!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            _previous = compilation;
        }
        return compilation;
    }

    /// <summary>The cell with the kernel's directives (#r, #load, #!) replaced by spaces, so every other place stays put.</summary>
    private static string Blank(SyntaxTree tree)
    {
        var text = tree.GetText().ToString().ToCharArray();
        var directives = tree.GetRoot().DescendantTrivia().Where(t => t.IsKind(SyntaxKind.ReferenceDirectiveTrivia) || t.IsKind(SyntaxKind.LoadDirectiveTrivia)
            || t.IsKind(SyntaxKind.ShebangDirectiveTrivia) || t.IsKind(SyntaxKind.BadDirectiveTrivia));
        foreach (var directive in directives)
        {
            for (var i = directive.Span.Start; i < directive.Span.End; i++)
            {
                text[i] = text[i] is '\n' or '\r' ? text[i] : ' ';
            }
        }
        return new string(text);
    }
}
