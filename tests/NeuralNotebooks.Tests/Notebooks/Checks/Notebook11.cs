using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Tests.Notebooks.Checks;

public sealed class Notebook11 : NotebookCheck
{
    private static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public override string Notebook => "11-fashion-mnist";

    public override void Check(ExecutedNotebook run)
    {
        // "Ten classes, equally many training images of each."
        Assert.Contains(string.Join(", ", ClassNames.Select(n => $"{n} 6,000")) + "\n", run.OutputOf("CountBy"), StringComparison.Ordinal);

        // What is new at this scale: billions of multiply-adds an epoch, 938 updates of 64 (a thousandth of the data).
        Assert.Contains("weights and biases: 101,770\n", run.Output, StringComparison.Ordinal);
        Assert.True(run.Number(@"one epoch: ([0-9.]+) billion multiply-adds forward") > 1);
        Assert.Contains("batches of 64: 938 updates per epoch\n", run.Output, StringComparison.Ordinal);

        // "Many pixels near the border are blank in most images."
        Assert.True(run.Number(@"corner pixel: not blank in ([0-9.]+) %") < 5);
        Assert.True(run.Number(@"left edge, middle row: +not blank in ([0-9.]+) %") < 50);
        Assert.True(run.Number(@"centre pixel: +not blank in ([0-9.]+) %") > 50);

        // Training 784-128-10 for 15 epochs, with a progress line.
        run.AssertProgressEndsAt("15 / 15 epochs");
        Assert.Contains("784-128-10 (relu, softmax): 101,770 weights and biases, 15 epochs in", run.Output, StringComparison.Ordinal);
        Assert.Contains(" s per epoch, Fast engine)\n", run.Output, StringComparison.Ordinal);

        // Four charts: one image of each class, the losses, the confusion matrix, the mistakes.
        Assert.Equal(4, run.Charts.Count);
        Assert.Equal(10, run.Charts[0].Count);
        Assert.All(ClassNames, name => Assert.Contains($"\"{name}\"", run.ChartHtml[0], StringComparison.Ordinal));

        // The loss curves: the training loss falls every epoch; the test loss falls for six epochs (starting below the
        // training loss), then wobbles (rises at least once) in a range narrower than half that fall, as the gap widens.
        var (train, test) = (ExecutedNotebook.Numbers(run.Charts[1][0], "y"), ExecutedNotebook.Numbers(run.Charts[1][1], "y"));
        Assert.Equal(15, train.Length);
        Assert.Equal(15, test.Length);
        Assert.True(train.Zip(train.Skip(1)).All(p => p.Second < p.First), "the training loss falls every epoch");
        Assert.True(test[0] < train[0]);
        Assert.True(test.Take(6).Zip(test.Skip(1).Take(5)).All(p => p.Second < p.First), "the test loss falls for six epochs");
        var later = test[6..];
        Assert.True(later.Max() - later.Min() < (test[0] - test[5]) / 2, "from epoch 7 on the test loss stays in a narrow range");
        Assert.Contains(later.Zip(later.Skip(1)), p => p.Second > p.First);
        Assert.True(test[^1] - train[^1] > test[6] - train[6], "the gap widens");
        Assert.Equal(later.Min(), run.Number(@"test loss after epochs 7 to 15: between ([0-9.]+)"), 4);
        Assert.Equal(later.Max(), run.Number(@"test loss after epochs 7 to 15: between [0-9.]+ and ([0-9.]+)"), 4);

        // At least 88 % on the test images, more on training images.
        var testAccuracy = run.Number(@"test accuracy ([0-9.]+) %");
        Assert.True(testAccuracy >= 88, $"test accuracy {testAccuracy} % is below 88 %");
        Assert.True(run.Number(@"train accuracy ([0-9.]+) %") > testAccuracy);

        // The confusion matrix counts all 10,000 test images and names every class.
        var confusion = Assert.Single(run.Charts[2]);
        Assert.Equal(10_000, confusion.GetProperty("z").EnumerateArray().Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));
        Assert.All(ClassNames, name => Assert.Contains($"\"{name}\"", run.ChartHtml[2], StringComparison.Ordinal));

        // Shirts are the hardest by far; the three most frequent mistakes are among shirts, T-shirts, pullovers and coats;
        // trousers, sandals, bags and ankle boots are right over 95 % of the time.
        var byClass = Regex.Matches(run.OutputOf("OrderBy(k => confusion[k, k])"), @"^(\S+(?: \S+)?) +([0-9.]+) %$", RegexOptions.Multiline)
            .Select(m => (Name: m.Groups[1].Value, Accuracy: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(ClassNames.Order(), byClass.Select(c => c.Name).Order());
        Assert.Equal("Shirt", byClass[0].Name);
        Assert.True(byClass[0].Accuracy + 5 < byClass[1].Accuracy, "shirts are the hardest by far");
        Assert.All(["Trouser", "Sandal", "Bag", "Ankle boot"], name => Assert.True(byClass.Single(c => c.Name == name).Accuracy > 95, name));
        string[] upperBody = ["T-shirt/top", "Pullover", "Coat", "Shirt"];
        var mistakes = Regex.Matches(run.Output, @"^(.+) taken for (.+): \d+ times$", RegexOptions.Multiline);
        Assert.Equal(3, mistakes.Count);
        Assert.All(mistakes, m => Assert.True(upperBody.Contains(m.Groups[1].Value) && upperBody.Contains(m.Groups[2].Value), m.Value));

        // The first 18 mistakes, each a 28×28 image titled "true → predicted".
        Assert.Equal(18, run.Charts[3].Count);
        Assert.All(run.Charts[3], image => Assert.Equal(28, image.GetProperty("z").GetArrayLength()));
        Assert.Equal(18, Regex.Matches(run.ChartHtml[3], @"""text"":""[^""]+ → [^""]+""").Count);
    }
}
