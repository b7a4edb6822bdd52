using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NeuralNotebooks.Runner.Scripts;

/// <summary>A NuGet package a notebook references with <c>#r "nuget: Name, Version"</c>.</summary>
/// <param name="Name">The package's id.</param>
/// <param name="Version">The version asked for, or null for the newest.</param>
public sealed record NuGetPackage(string Name, string? Version);

/// <summary>
/// One C# notebook cell taken apart as a C# program needs it. A notebook cell is a C# script: it may hold directives
/// (<c>#r</c>, <c>#load</c>), using directives after statements of earlier cells, type declarations between statements,
/// and a last expression without a semicolon whose value the notebook displays. A program has its own directives, its
/// usings first, its statements next and its types last, and shows nothing it is not told to.
/// </summary>
/// <param name="Packages">The cell's <c>#r "nuget: …"</c> references, in order.</param>
/// <param name="StartsLibrary">True when the cell loads the course's <c>setup/start.csx</c>.</param>
/// <param name="Usings">The cell's using directives, each as written.</param>
/// <param name="Statements">The rest of the cell, in place, with the trailing expression passed to <see cref="ShowMethod"/>.</param>
/// <param name="Types">The cell's type declarations (with their comments), which a program puts after its statements.</param>
public sealed record ScriptCell(
    IReadOnlyList<NuGetPackage> Packages, bool StartsLibrary, IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types)
{
    /// <summary>The call that shows a trailing expression's value in an app.</summary>
    public const string ShowMethod = "NotebookApp.Show";

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Takes a C# cell apart.</summary>
    /// <remarks>
    /// Understood directives: <c>#r "nuget: …"</c>; <c>#r</c> of the course library's DLL and <c>#load</c> of
    /// <c>setup/build-library.csx</c>, which an app replaces by referencing the library's project; <c>#load</c> of
    /// <c>setup/start.csx</c> (<see cref="StartsLibrary"/>); and <c>#!csharp</c>. C#'s own directives stay in the code.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="NotSupportedException">The cell has a directive no file-based app can express (another <c>#r</c>
    /// or <c>#load</c>, another magic command).</exception>
    public static ScriptCell Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return From(ParseTree(code), returnsNothing: _ => false);
    }

    /// <summary>The cell's syntax tree, parsed as the notebook kernel parses it (a C# script).</summary>
    internal static SyntaxTree ParseTree(string code) => CSharpSyntaxTree.ParseText(code, ScriptOptions);

    /// <summary>
    /// Takes a parsed cell apart, as <see cref="Parse"/> does, except that a trailing expression for which
    /// <paramref name="returnsNothing"/> is true (a void call, which a notebook shows nothing for) becomes a plain statement.
    /// </summary>
    internal static ScriptCell From(SyntaxTree tree, Func<ExpressionSyntax, bool> returnsNothing)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var text = root.GetText();
        var packages = new List<NuGetPackage>();
        var startsLibrary = false;
        var removals = new List<TextSpan>();
        foreach (var directive in root.DescendantTrivia().Where(t => t.IsDirective))
        {
            if (Understand(directive, packages, ref startsLibrary))
            {
                removals.Add(directive.FullSpan);
            }
        }
        removals.AddRange(root.Usings.Select(u => u.FullSpan));
        var edits = removals.Select(span => new Edit(span, "")).ToList();
        var types = root.Members.Where(IsTypeDeclaration).Select(t => TrimBlankLines(Render(text, t.FullSpan, edits))).ToList();
        edits.AddRange(root.Members.Where(IsTypeDeclaration).Select(t => new Edit(t.FullSpan, "")));
        if (TrailingExpression(root) is { } expression)
        {
            var code = Render(text, expression.Span, edits);
            edits.Add(new Edit(expression.Span, returnsNothing(expression) ? $"{code};" : $"{ShowMethod}({code});"));
        }
        return new ScriptCell(
            packages,
            startsLibrary,
            root.Usings.Select(u => u.ToString()).ToList(),
            TrimBlankLines(Render(text, new TextSpan(0, text.Length), edits)),
            types);
    }

    /// <summary>The expression a script ends with, without a semicolon: the value the notebook displays.</summary>
    private static ExpressionSyntax? TrailingExpression(CompilationUnitSyntax root) =>
        root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement } && statement.SemicolonToken.IsMissing
            ? statement.Expression
            : null;

    private static bool IsTypeDeclaration(MemberDeclarationSyntax member) => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;

    /// <summary>Records a directive the app expresses otherwise and returns true, or returns false for C#'s own.</summary>
    private static bool Understand(SyntaxTrivia trivia, List<NuGetPackage> packages, ref bool startsLibrary)
    {
        switch (trivia.GetStructure())
        {
            case ReferenceDirectiveTriviaSyntax reference when reference.File.ValueText.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase):
                packages.Add(Package(reference.File.ValueText));
                return true;
            case ReferenceDirectiveTriviaSyntax reference when FileName(reference.File.ValueText) == "NeuralNotebooks.dll":
                return true;
            case LoadDirectiveTriviaSyntax load when FileName(load.File.ValueText) == "build-library.csx":
                return true;
            case LoadDirectiveTriviaSyntax load when FileName(load.File.ValueText) == "start.csx":
                startsLibrary = true;
                return true;
            case ShebangDirectiveTriviaSyntax or BadDirectiveTriviaSyntax when IsCSharpMagic(trivia.ToString()):
                return true;
            case ReferenceDirectiveTriviaSyntax or LoadDirectiveTriviaSyntax or ShebangDirectiveTriviaSyntax or BadDirectiveTriviaSyntax:
                throw new NotSupportedException(
                    $"'{trivia.ToString().Trim()}' has no equivalent in a file-based app (it understands #r \"nuget: …\" and the course's setup files).");
            default:
                return false;
        }
    }

    private static bool IsCSharpMagic(string directive) => directive.Trim() is "#!csharp" or "#!c#" or "#!C#";

    private static string FileName(string path) => path.Replace('\\', '/').Split('/')[^1];

    /// <summary>"nuget: Name, Version" (the version optional), as the notebook kernel reads it.</summary>
    private static NuGetPackage Package(string reference)
    {
        var parts = reference["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
        return new NuGetPackage(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private sealed record Edit(TextSpan Span, string Replacement);

    /// <summary>The text of <paramref name="span"/> with the edits inside it applied (an edit inside another one is part of it).</summary>
    private static string Render(SourceText text, TextSpan span, IEnumerable<Edit> edits)
    {
        var inside = edits.Where(e => span.Contains(e.Span)).OrderBy(e => e.Span.Start).ThenByDescending(e => e.Span.Length);
        var result = new System.Text.StringBuilder();
        var position = span.Start;
        foreach (var edit in inside)
        {
            if (edit.Span.Start < position)
            {
                continue; // inside an edit already applied
            }
            result.Append(text.ToString(TextSpan.FromBounds(position, edit.Span.Start))).Append(edit.Replacement);
            position = edit.Span.End;
        }
        return result.Append(text.ToString(TextSpan.FromBounds(position, span.End))).ToString();
    }

    private static string TrimBlankLines(string code)
    {
        var lines = code.ReplaceLineEndings("\n").Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
        {
            lines.RemoveAt(0);
        }
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return string.Join("\n", lines.Select(l => l.TrimEnd()));
    }
}
