using NeuralNotebooks.Runner.Scripts;

namespace NeuralNotebooks.Tests.Scripts;

public class ScriptCellTests
{
    [Fact]
    public void A_trailing_expression_is_shown_with_NotebookApp_Show()
    {
        var cell = ScriptCell.Parse("var z = 0.5 + 0.1;\nz");

        Assert.Equal("var z = 0.5 + 0.1;\nNotebookApp.Show(z);", cell.Statements);
    }

    [Fact]
    public void A_cell_that_is_only_an_expression_is_shown()
    {
        Assert.Equal("NotebookApp.Show(Charts.LossCurve(history));", ScriptCell.Parse("Charts.LossCurve(history)").Statements);
    }

    [Fact]
    public void A_trailing_expression_keeps_the_comment_after_it()
    {
        Assert.Equal("NotebookApp.Show(network.Predict(0.1, 0.9)); // near 1", ScriptCell.Parse("network.Predict(0.1, 0.9) // near 1").Statements);
    }

    [Fact]
    public void A_cell_whose_last_statement_has_a_semicolon_shows_nothing()
    {
        const string code = "var network = new SimpleNeuralNetwork(4, 42);\nnetwork.Train(X, y, 1000, 0.1);";

        Assert.Equal(code, ScriptCell.Parse(code).Statements);
    }

    [Fact]
    public void Only_the_last_expression_of_a_cell_is_shown()
    {
        var cell = ScriptCell.Parse("for (var i = 0; i < 3; i++)\n    Console.WriteLine(i);\nvar a = sigmoid(z);\nsigmoidDerivative(a)");

        Assert.Equal("for (var i = 0; i < 3; i++)\n    Console.WriteLine(i);\nvar a = sigmoid(z);\nNotebookApp.Show(sigmoidDerivative(a));", cell.Statements);
    }

    [Fact]
    public void Using_directives_are_taken_out_of_the_cell()
    {
        var cell = ScriptCell.Parse("using MathNet.Numerics.LinearAlgebra;\nusing static System.Math;\nusing M = MathNet.Numerics.LinearAlgebra.Matrix<double>;\n\nvar x = Sqrt(2);");

        Assert.Equal(["using MathNet.Numerics.LinearAlgebra;", "using static System.Math;", "using M = MathNet.Numerics.LinearAlgebra.Matrix<double>;"], cell.Usings);
        Assert.Equal("var x = Sqrt(2);", cell.Statements);
    }

    [Fact]
    public void Type_declarations_are_taken_out_with_their_comments_and_the_statements_around_them_stay()
    {
        var cell = ScriptCell.Parse("var p = new Point(1, 2);\n\n/// <summary>A point.</summary>\nrecord Point(double X, double Y);\n\nenum Side { Left, Right }\n\np");

        Assert.Equal(["/// <summary>A point.</summary>\nrecord Point(double X, double Y);", "enum Side { Left, Right }"], cell.Types);
        Assert.Equal("var p = new Point(1, 2);\n\nNotebookApp.Show(p);", cell.Statements);
    }

    [Fact]
    public void A_class_with_members_moves_whole()
    {
        const string type = "class Counter\n{\n    public int Count { get; private set; }\n    public void Add() => Count++;\n}";

        var cell = ScriptCell.Parse($"var counter = new Counter();\n{type}");

        Assert.Equal([type], cell.Types);
        Assert.Equal("var counter = new Counter();", cell.Statements);
    }

    [Fact]
    public void Functions_declared_in_a_cell_stay_in_place_as_local_functions()
    {
        const string code = "double sigmoid(double z) => 1 / (1 + Math.Exp(-z));\nConsole.WriteLine(sigmoid(0));";

        var cell = ScriptCell.Parse(code);

        Assert.Equal(code, cell.Statements);
        Assert.Empty(cell.Types);
    }

    [Fact]
    public void Nuget_references_become_packages_with_their_versions()
    {
        var cell = ScriptCell.Parse("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"nuget:Plotly.NET.Interactive,6.0.0\"\n#r \"nuget: Humanizer\"");

        Assert.Equal([new("MathNet.Numerics", "5.0.0"), new("Plotly.NET.Interactive", "6.0.0"), new NuGetPackage("Humanizer", null)], cell.Packages);
        Assert.Equal("", cell.Statements);
    }

    [Fact]
    public void The_course_setup_cells_leave_no_code_and_the_second_starts_the_library()
    {
        var build = ScriptCell.Parse("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#load \"setup/build-library.csx\"");
        var start = ScriptCell.Parse("#r \"../artifacts/bin/NeuralNotebooks/release/NeuralNotebooks.dll\"\n#load \"setup/start.csx\"");

        Assert.False(build.StartsLibrary);
        Assert.True(start.StartsLibrary);
        Assert.Equal("", build.Statements);
        Assert.Equal("", start.Statements);
        Assert.Empty(start.Packages);
    }

    [Fact]
    public void A_directive_in_the_middle_of_a_cell_is_taken_out_and_the_code_around_it_stays()
    {
        var cell = ScriptCell.Parse("var a = 1;\n#r \"nuget: Humanizer, 2.14.1\"\nvar b = 2;");

        Assert.Equal("var a = 1;\nvar b = 2;", cell.Statements);
        Assert.Single(cell.Packages);
    }

    [Fact]
    public void A_csharp_magic_command_is_dropped_and_csharp_directives_stay()
    {
        var cell = ScriptCell.Parse("#!csharp\n#nullable enable\nstring? name = null;");

        Assert.Equal("#nullable enable\nstring? name = null;", cell.Statements);
    }

    [Theory]
    [InlineData("#r \"../bin/Other.dll\"")]
    [InlineData("#load \"helpers.csx\"")]
    [InlineData("var a = 1;\n#!time\nvar b = 2;")]
    [InlineData("#i \"nuget: https://example.invalid/feed\"")]
    public void A_directive_no_file_based_app_can_express_is_rejected_by_name(string code)
    {
        var directive = code.Split('\n').Single(l => l.StartsWith('#'));

        var e = Assert.Throws<NotSupportedException>(() => ScriptCell.Parse(code));

        Assert.Contains($"'{directive}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_cell_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ScriptCell.Parse(null!));
    }
}
