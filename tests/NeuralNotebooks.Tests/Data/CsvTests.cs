using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class CsvTests
{
    private static readonly string IrisPath = Path.Combine(Notebooks.CourseNotebooks.Root, "data", "iris", "iris.csv");

    [Fact]
    public void The_shipped_iris_file_is_150_flowers_with_4_measurements_and_3_species_of_50()
    {
        var iris = Csv.Load(IrisPath, label: "species");

        Assert.Equal((150, 4, 3), (iris.Count, iris.X.ColumnCount, iris.Classes));
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(50, iris.Labels.Count(l => l == k)));
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.X.Row(0).ToArray());
        Assert.Equal([5.9, 3.0, 5.1, 1.8], iris.X.Row(149).ToArray());
        Assert.Equal((0, 2), (iris.Labels[0], iris.Labels[149]));
        Assert.Equal("iris", iris.Name);
        Assert.Null(iris.Scaler);
    }

    [Fact]
    public void The_label_column_can_be_given_by_name_or_by_number_from_0()
    {
        var byName = Csv.Load(IrisPath, "species");

        var byNumber = Csv.Load(IrisPath, 4);
        Assert.Equal((byName.X, byName.y), (byNumber.X, byNumber.y));
        Assert.Equal(byName.ClassNames, byNumber.ClassNames);
        Assert.Equal(byName.y, Csv.Load(IrisPath, "4").y);
        var firstColumn = Csv.Load(Write("a,b\nx,1\ny,2\n"), 0);
        Assert.Equal(["x", "y"], firstColumn.ClassNames);
        Assert.Equal([1.0, 2.0], firstColumn.X.Column(0).ToArray());
    }

    [Fact]
    public void A_header_is_detected_and_can_be_said_either_way()
    {
        var withHeader = Write("height,weight,kind\n1,10,a\n2,20,b\n");
        var without = Write("1,10,a\n2,20,b\n");

        Assert.Equal(2, Csv.Load(withHeader, "kind").Count);
        Assert.Equal(2, Csv.Load(without, 2).Count);
        Assert.Equal(3, Csv.Load(Write("1,10,0\n2,20,1\n3,30,0\n"), 2, header: false).Count);
        Assert.Equal(2, Csv.Load(Write("1,10,0\n2,20,1\n3,30,0\n"), 2, header: true).Count);
        var e = Assert.Throws<InvalidDataException>(() => Csv.Load(withHeader, 2, header: false));
        Assert.Contains("line 1, column 0: a feature must be a finite number, but was 'height'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_classes_give_one_column_that_is_1_for_the_second_in_sorted_order()
    {
        var data = Csv.Load(Write("x,label\n1,yes\n2,no\n3,yes\n"), "label");

        Assert.Equal(["no", "yes"], data.ClassNames);
        Assert.Equal(1, data.y.ColumnCount);
        Assert.Equal([1.0, 0.0, 1.0], data.y.Column(0).ToArray());
    }

    [Fact]
    public void Numeric_labels_are_sorted_as_numbers_and_more_than_two_are_one_hot()
    {
        var data = Csv.Load(Write("x,digit\n1,10\n2,9\n3,2\n4,10\n"), "digit");

        Assert.Equal(["2", "9", "10"], data.ClassNames);
        Assert.Equal([2, 1, 0, 2], data.Labels);
        Assert.Equal([0.0, 0.0, 1.0], data.y.Row(0).ToArray());
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_and_quotes_and_spaces_around_fields_are_dropped()
    {
        var data = Csv.Load(Write("size, \"name, in full\"\n 1.5 ,\"Iris \"\"setosa\"\", small\"\n2.5,plain\n"), "name, in full");

        Assert.Equal(["Iris \"setosa\", small", "plain"], data.ClassNames);
        Assert.Equal([1.5, 2.5], data.X.Column(0).ToArray());
    }

    [Fact]
    public void Min_max_scaling_maps_each_column_onto_0_to_1_and_keeps_its_parameters()
    {
        var data = Csv.Load(Write("a,b,c\n1,-4,x\n3,0,y\n5,4,x\n"), "c", Scaling.MinMax);

        Assert.Equal([0.0, 0.5, 1.0], data.X.Column(0).ToArray());
        Assert.Equal([0.0, 0.5, 1.0], data.X.Column(1).ToArray());
        Assert.Equal(Scaling.MinMax, data.Scaler!.Kind);
        Assert.Equal([1.0, -4.0], data.Scaler.Offsets);
        Assert.Equal([4.0, 8.0], data.Scaler.Scales);
    }

    [Fact]
    public void Standardising_gives_each_column_mean_0_and_standard_deviation_1_over_n()
    {
        var data = Csv.Load(Write("a,c\n1,x\n3,y\n5,x\n"), "c", Scaling.Standardize);

        // Mean 3, standard deviation √((4 + 0 + 4) / 3) = √(8/3), so 1 becomes −2 / √(8/3) = −√1.5.
        Assert.Equal(-Math.Sqrt(1.5), data.X[0, 0], precision: 14);
        Assert.Equal(0.0, data.X[1, 0], precision: 14);
        Assert.Equal(Math.Sqrt(1.5), data.X[2, 0], precision: 14);
        Assert.Equal([3.0], data.Scaler!.Offsets);
        Assert.Equal(Math.Sqrt(8.0 / 3), data.Scaler.Scales[0], precision: 14);
    }

    [Fact]
    public void Test_data_loaded_like_the_training_data_is_scaled_and_numbered_as_it_was()
    {
        var train = Csv.Load(Write("a,c\n1,low\n3,high\n5,mid\n"), "c", Scaling.MinMax);

        var test = Csv.Load(Write("a,c\n7,mid\n2,mid\n"), "c", like: train);

        Assert.Equal([1.5, 0.25], test.X.Column(0).ToArray());
        Assert.Equal(train.ClassNames, test.ClassNames);
        Assert.Equal([2, 2], test.Labels);
        Assert.Same(train.Scaler, test.Scaler);
        var e = Assert.Throws<InvalidDataException>(() => Csv.Load(Write("a,c\n7,mid\n2,huge\n"), "c", like: train));
        Assert.Contains("line 3, column 1 ('c'): 'huge' is not one of the classes of ", e.Message, StringComparison.Ordinal);
        Assert.Equal("scaling", Assert.Throws<ArgumentException>(() => Csv.Load(IrisPath, "species", Scaling.MinMax, like: train)).ParamName);
        Assert.Equal("like", Assert.Throws<ArgumentException>(() => Csv.Load(IrisPath, "species", like: train)).ParamName);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        // file contents, label, what the message must say after the file's path
        { "a,b,c\n1,2,x\n1,oops,y\n", "c", ", line 3, column 1 ('b'): a feature must be a finite number, but was 'oops'." },
        { "a,b,c\n1,2,x\n1,NaN,y\n", "c", ", line 3, column 1 ('b'): a feature must be a finite number, but was 'NaN'." },
        { "a,b,c\n1,2,x\n1,,y\n", "c", ", line 3, column 1 ('b'): a feature must be a finite number, but was ''." },
        { "a,b,c\n1,2,x\n\n1,2\n", "c", ", line 4: expected 3 comma-separated fields, as on line 1, but found 2." },
        { "a,b,c\n1,2,x\n1,2,y,z\n", "c", ", line 3: expected 3 comma-separated fields, as on line 1, but found 4." },
        { "", "c", ": the file is empty." },
        { "\n  \n", "c", ": the file is empty." },
        { "a,b,c\n", "c", ": the file holds a header line but no data lines." },
        { "a,b,c\n1,2,x\n3,4,x\n", "c", ", column 2 ('c'): the labels are all 'x', a single class; a classifier needs at least two." },
        { "c\n1\n2\n", "c", ": needs at least one feature column besides the label column, but has 1 column." },
        { "a,c\n1,\"x\n", "c", ", line 2: a quoted field is not closed (a record must fit on one line)." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_reported_with_the_file_the_line_and_the_column(string contents, string label, string expected)
    {
        var path = Write(contents);

        var e = Assert.Throws<InvalidDataException>(() => Csv.Load(path, label));

        Assert.Equal(path + expected, e.Message);
    }

    [Fact]
    public void A_label_column_that_does_not_exist_is_rejected_with_the_columns_that_do()
    {
        var e = Assert.Throws<ArgumentException>(() => Csv.Load(IrisPath, "Species"));

        Assert.Equal("label", e.ParamName);
        Assert.StartsWith($"label must be one of the columns of {IrisPath} (sepal_length, sepal_width, petal_length, petal_width, species) or a column number from 0 to 4, but was 'Species'.", e.Message, StringComparison.Ordinal);
        var noHeader = Assert.Throws<ArgumentException>(() => Csv.Load(Write("1,2,x\n3,4,y\n"), "kind"));
        Assert.Contains("label must be a column number from 0 to 2 (", noHeader.Message, StringComparison.Ordinal);
        Assert.Contains("but was 'kind'.", noHeader.Message, StringComparison.Ordinal);
        var number = Assert.Throws<ArgumentOutOfRangeException>(() => Csv.Load(IrisPath, 5));
        Assert.Equal("label", number.ParamName);
        Assert.StartsWith("label must be from 0 to 4, but was 5.", number.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Csv.Load("/nowhere/mine.csv", "label"));

        Assert.Equal("path must name a CSV file, but there is no file at '/nowhere/mine.csv'.", e.Message);
    }

    private static string Write(string contents)
    {
        var path = Path.Combine(IdxFixture.NewFolder(), "data.csv");
        File.WriteAllText(path, contents);
        return path;
    }
}
