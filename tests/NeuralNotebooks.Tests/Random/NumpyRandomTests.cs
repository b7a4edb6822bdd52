using System.Globalization;
using NeuralNotebooks.Random;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Random;

public class NumpyRandomTests
{
    [Fact]
    public void Seed_42_gives_numpys_first_raw_words()
    {
        var random = new NumpyRandom(42);
        var expected = ReferenceFiles.CommentList("raw MT19937").Select(t => uint.Parse(t, CultureInfo.InvariantCulture));

        Assert.Equal(expected, [random.NextUInt32(), random.NextUInt32(), random.NextUInt32()]);
    }

    [Fact]
    public void Seed_42_gives_numpys_random_sample_bit_for_bit()
    {
        var random = new NumpyRandom(42);
        var expected = ReferenceFiles.CommentList("random_sample(3)").Select(t => double.Parse(t, CultureInfo.InvariantCulture));

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), Enumerable.Range(0, 3).Select(_ => BitConverter.DoubleToInt64Bits(random.RandomSample())));
    }

    [Fact]
    public void Seed_42_draws_the_blogs_four_weight_matrices_bit_for_bit_in_row_major_order()
    {
        var random = new NumpyRandom(42);
        var draws = new[] { ("weights1", 2, 4), ("weights2", 4, 1), ("bias1", 1, 4), ("bias2", 1, 1) };

        foreach (var (name, rows, columns) in draws)
        {
            var matrix = random.Uniform(-1, 1, rows, columns);
            var rowMajor = Enumerable.Range(0, rows * columns).Select(k => matrix[k / columns, k % columns]);
            Assert.Equal(ReferenceFiles.InitialWeights(name).Select(BitConverter.DoubleToInt64Bits), rowMajor.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(int.MaxValue)]
    public void Raw_words_agree_with_MathNets_Mersenne_Twister_across_a_state_refill(int seed)
    {
        // MathNet's MersenneTwister seeds with the same init_genrand; each of its doubles is one raw word / 2^32.
        var mathNet = new MathNet.Numerics.Random.MersenneTwister(seed, threadSafe: false);
        var ours = new NumpyRandom(seed);

        for (var i = 0; i < 1500; i++)
        {
            Assert.Equal((uint)(mathNet.NextDouble() * 4294967296.0), ours.NextUInt32());
        }
    }

    [Fact]
    public void The_largest_seed_numpy_accepts_is_accepted()
    {
        var random = new NumpyRandom(uint.MaxValue);

        Assert.InRange(random.RandomSample(), 0.0, 1.0);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(4294967296L)]
    public void A_seed_outside_numpys_range_is_rejected_with_its_name_and_value(long seed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandom(seed));

        Assert.Equal("seed", e.ParamName);
        Assert.Contains(seed.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers_and_another_seed_does_not()
    {
        double[] Draw(long seed)
        {
            var random = new NumpyRandom(seed);
            return Enumerable.Range(0, 10).Select(_ => random.RandomSample()).ToArray();
        }

        Assert.Equal(Draw(3), Draw(3));
        Assert.NotEqual(Draw(3), Draw(4));
    }

    [Fact]
    public void Uniform_draws_stay_within_low_and_high()
    {
        var random = new NumpyRandom(1);
        var draws = random.Uniform(-2, 3, 50, 20);

        Assert.True(draws.ForAll(v => v >= -2 && v < 3));
    }
}
