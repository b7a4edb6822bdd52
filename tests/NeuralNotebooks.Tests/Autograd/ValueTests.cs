using NeuralNotebooks.Activations;
using NeuralNotebooks.Autograd;
using NeuralNotebooks.Data;
using NeuralNotebooks.Network;
using NeuralNotebooks.Random;
using NeuralNotebooks.Tests.Fixtures;

namespace NeuralNotebooks.Tests.Autograd;

/// <summary>
/// Value's gradients against independent oracles: central finite differences of the same expression computed with
/// plain doubles, derivatives worked out by hand, and the blog network's matrix backward pass.
/// </summary>
public class ValueTests
{
    private const double Step = 1e-5;

    /// <summary>Each expression as a function of Values and, independently, of plain doubles.</summary>
    private static readonly Dictionary<string, (Func<Value, Value, Value> OnValues, Func<double, double, double> OnDoubles)> Expressions = new()
    {
        ["a + b"] = ((a, b) => a + b, (a, b) => a + b),
        ["a − b"] = ((a, b) => a - b, (a, b) => a - b),
        ["a × b"] = ((a, b) => a * b, (a, b) => a * b),
        ["a ÷ b"] = ((a, b) => a / b, (a, b) => a / b),
        ["−a"] = ((a, _) => -a, (a, _) => -a),
        ["exp(a)"] = ((a, _) => a.Exp(), (a, _) => Math.Exp(a)),
        ["σ(a)"] = ((a, _) => a.Sigmoid(), (a, _) => 1 / (1 + Math.Exp(-a))),
        ["Σ(a, b, a)"] = ((a, b) => Value.Sum([a, b, a]), (a, b) => a + b + a),
        ["2 + a"] = ((a, _) => 2 + a, (a, _) => 2 + a),
        ["a + 2"] = ((a, _) => a + 2, (a, _) => a + 2),
        ["2 − a"] = ((a, _) => 2 - a, (a, _) => 2 - a),
        ["a − 2"] = ((a, _) => a - 2, (a, _) => a - 2),
        ["3 × a"] = ((a, _) => 3 * a, (a, _) => 3 * a),
        ["a × 3"] = ((a, _) => a * 3, (a, _) => a * 3),
        ["3 ÷ a"] = ((a, _) => 3 / a, (a, _) => 3 / a),
        ["a ÷ 3"] = ((a, _) => a / 3, (a, _) => a / 3),
        ["a × a"] = ((a, _) => a * a, (a, _) => a * a),
        ["½(b − σ(a·b + a))²"] = ((a, b) => { var e = b - (a * b + a).Sigmoid(); return 0.5 * e * e; }, (a, b) => 0.5 * Math.Pow(b - 1 / (1 + Math.Exp(-(a * b + a))), 2)),
        ["exp(a) ÷ (exp(a) + exp(b))"] = ((a, b) => a.Exp() / (a.Exp() + b.Exp()), (a, b) => Math.Exp(a) / (Math.Exp(a) + Math.Exp(b))),
    };

    public static TheoryData<string> ExpressionNames => new(Expressions.Keys);

    [Theory]
    [MemberData(nameof(ExpressionNames))]
    public void Backward_gives_the_gradients_central_finite_differences_measure(string expression)
    {
        var (onValues, onDoubles) = Expressions[expression];
        foreach (var (a, b) in new[] { (0.7, -1.3), (-2.1, 0.4), (1.5, 2.5) })
        {
            var (va, vb) = (new Value(a, "a"), new Value(b, "b"));
            var output = onValues(va, vb);
            output.Backward();

            Assert.Equal(onDoubles(a, b), output.Data, 1e-14);
            AssertClose((onDoubles(a + Step, b) - onDoubles(a - Step, b)) / (2 * Step), va.Gradient, $"{expression} at ({a}, {b}): ∂/∂a");
            AssertClose((onDoubles(a, b + Step) - onDoubles(a, b - Step)) / (2 * Step), vb.Gradient, $"{expression} at ({a}, {b}): ∂/∂b");
        }
    }

    [Fact]
    public void A_node_used_twice_gets_both_contributions()
    {
        var a = new Value(3, "a");
        var e = a - 1;
        var square = e * e;
        var doubled = a + a;

        square.Backward();
        Assert.Equal(2 * (3 - 1), a.Gradient); // d(e²)/da = 2e, not e
        Assert.Equal(2 * (3 - 1), e.Gradient);
        doubled.Backward();
        Assert.Equal(2, a.Gradient);
    }

    [Fact]
    public void Calling_Backward_twice_gives_the_same_gradients_not_twice_them()
    {
        var (w, x) = (new Value(0.5, "w"), new Value(-1.5, "x"));
        var e = 1 - (w * x + 0.1).Sigmoid();
        var loss = 0.5 * e * e;

        loss.Backward();
        var first = loss.TopologicalOrder().Select(node => node.Gradient).ToList();
        loss.Backward();

        Assert.Equal(first, loss.TopologicalOrder().Select(node => node.Gradient));
        Assert.Equal(1, loss.Gradient);
    }

    [Fact]
    public void Backward_applies_the_chain_rule_as_worked_out_by_hand_for_one_neuron()
    {
        var (w1, w2, b) = (new Value(0.5, "w1"), new Value(-0.3, "w2"), new Value(0.1, "b"));
        var (x1, x2, y) = (1.0, 0.5, 1.0);
        var a = (w1 * x1 + w2 * x2 + b).Sigmoid();
        var loss = 0.5 * (y - a) * (y - a);
        loss.Backward();

        // ∂E/∂w = ∂E/∂a · ∂a/∂z · ∂z/∂w = −(y − a) · a(1 − a) · x, with a computed here from the formula.
        var aByHand = 1 / (1 + Math.Exp(-(0.5 * x1 - 0.3 * x2 + 0.1)));
        var delta = -(y - aByHand) * aByHand * (1 - aByHand);
        Assert.Equal(delta * x1, w1.Gradient, 1e-15);
        Assert.Equal(delta * x2, w2.Gradient, 1e-15);
        Assert.Equal(delta, b.Gradient, 1e-15);
    }

    [Theory]
    [InlineData(42, 4)]
    [InlineData(7, 8)]
    [InlineData(0, 1)]
    public void The_blogs_error_built_from_values_has_the_matrix_backward_passs_gradients(long seed, int hidden)
    {
        var network = new SimpleNeuralNetwork(hidden, seed);
        var random = new NumpyRandom(seed + 1);
        var (X, y) = seed == 42 ? (Xor.Inputs, Xor.Targets) : (random.Uniform(-2, 2, 6, 2), random.Uniform(0, 1, 6, 1));

        var fromValues = new BlogErrorFromValues(network, X, y);
        var matrices = network.Backward(network.Forward(X), y).Gradients;

        Assert.True(fromValues.LargestDifference(matrices) < 1e-12, $"largest difference {fromValues.LargestDifference(matrices):E2}");
        Assert.Equal(Loss(network, X, y), fromValues.E.Data, 1e-14);
    }

    [Fact]
    public void The_sigmoid_node_uses_the_librarys_clipped_sigmoid_and_its_slope()
    {
        foreach (var z in new[] { -300.0, -3, 0, 0.3, 300 })
        {
            var input = new Value(z);
            var s = input.Sigmoid();
            s.Backward();

            Assert.Equal(Sigmoid.Value(z), s.Data);
            Assert.Equal(Sigmoid.Value(z) * (1 - Sigmoid.Value(z)), input.Gradient);
        }
    }

    [Fact]
    public void A_node_lists_its_inputs_in_order_and_the_operation_that_made_it()
    {
        var (a, b) = (new Value(2, "a"), new Value(3, "b"));
        var product = a * b;
        var square = product * product;

        Assert.Equal("×", product.Operation);
        Assert.Collection(product.Inputs, i => Assert.Same(a, i), i => Assert.Same(b, i));
        Assert.Collection(square.Inputs, i => Assert.Same(product, i), i => Assert.Same(product, i));
        Assert.Equal("", a.Operation);
        Assert.Empty(a.Inputs);
        Assert.Equal(["+", "−", "−", "÷", "exp", "σ", "Σ"], new[] { a + b, a - b, -a, a / b, a.Exp(), a.Sigmoid(), Value.Sum([a, b]) }.Select(v => v.Operation));
    }

    [Fact]
    public void Named_labels_a_node_and_returns_the_same_node()
    {
        var a = new Value(2, "a");
        var z = a * 3;

        Assert.Same(z, z.Named("z"));
        Assert.Equal("z", z.Label);
        Assert.Equal("a", a.Label);
        Assert.Equal("", (a + 1).Label);
    }

    [Fact]
    public void The_topological_order_holds_every_node_once_each_after_its_inputs_and_the_output_last()
    {
        var (a, b) = (new Value(2, "a"), new Value(3, "b"));
        var e = a * b - a;
        var output = e * e + b;

        var order = output.TopologicalOrder();

        Assert.Equal(6, order.Count); // a, b, a·b, a·b − a, e·e, e·e + b
        Assert.Equal(order.Count, order.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Same(output, order[^1]);
        for (var i = 0; i < order.Count; i++)
        {
            Assert.All(order[i].Inputs, input => Assert.True(IndexOf(order, input) < i));
        }
    }

    [Fact]
    public void A_chain_of_a_hundred_thousand_operations_goes_backward_without_overflowing_the_stack()
    {
        var x = new Value(1, "x");
        var sum = x;
        for (var i = 0; i < 100_000; i++)
        {
            sum = sum + 0.5;
        }

        sum.Backward();

        Assert.Equal(1, x.Gradient);
        Assert.Equal(50_001, sum.Data);
    }

    [Fact]
    public void An_operation_of_your_own_takes_part_in_Backward()
    {
        var z = new Value(0.4, "z");
        var t = Math.Tanh(z.Data);
        var tanh = Value.FromOperation("tanh", t, (z, 1 - t * t));
        var output = tanh * tanh;

        output.Backward();

        AssertClose((Math.Pow(Math.Tanh(0.4 + Step), 2) - Math.Pow(Math.Tanh(0.4 - Step), 2)) / (2 * Step), z.Gradient, "d tanh²/dz");
        Assert.Equal("tanh", tanh.Operation);
    }

    [Fact]
    public void A_value_prints_its_label_number_and_gradient()
    {
        var w = new Value(0.5, "w1");
        var output = w * 4;
        output.Backward();

        Assert.Equal("w1 = 0.5 (gradient 4)", w.ToString());
        Assert.Equal("2 (gradient 1)", output.ToString());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_leaf_that_is_not_a_finite_number_is_rejected(double data, string shown)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(data));

        Assert.Equal("data", e.ParamName);
        Assert.Contains(shown, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Division_by_zero_is_rejected_naming_the_operation()
    {
        var e = Assert.Throws<ArithmeticException>(() => new Value(1) / 0);

        Assert.StartsWith("1 ÷ 0 is Infinity, not a finite number.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exponential_that_overflows_is_rejected_naming_the_operation()
    {
        var e = Assert.Throws<ArithmeticException>(() => new Value(800).Exp());

        Assert.StartsWith("exp(800) is Infinity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gradient_that_overflows_is_reported_not_left_infinite()
    {
        var a = new Value(1e-200, "a");
        var output = a * 1e200 * 1e200; // 1e200, and every local gradient is finite; but ∂output/∂a = 1e400 overflows

        var e = Assert.Throws<ArithmeticException>(output.Backward);

        Assert.Contains("The gradient of a became Infinity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_and_empty_operations_are_rejected()
    {
        var a = new Value(1);

        Assert.Throws<ArgumentNullException>(() => a + (Value)null!);
        Assert.Throws<ArgumentNullException>(() => (Value)null! * a);
        Assert.Throws<ArgumentNullException>(() => a.Named(null!));
        Assert.Throws<ArgumentNullException>(() => new Value(1, null!));
        Assert.Throws<ArgumentNullException>(() => Value.Sum([a, null!]));
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => Value.Sum([])).ParamName);
        Assert.Throws<ArgumentException>(() => Value.FromOperation("", 1, (a, 1)));
        Assert.Throws<ArgumentException>(() => Value.FromOperation("tanh", 1));
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-7 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static int IndexOf(IReadOnlyList<Value> order, Value node) => order.Select((n, i) => (n, i)).First(p => ReferenceEquals(p.n, node)).i;

    private static double Loss(SimpleNeuralNetwork network, MathNet.Numerics.LinearAlgebra.Matrix<double> X, MathNet.Numerics.LinearAlgebra.Matrix<double> y)
    {
        var difference = y - network.Forward(X).Output;
        return 0.5 * difference.PointwisePower(2).Enumerate().Sum();
    }
}
