using System.Globalization;

namespace NeuralNotebooks.Autograd;

/// <summary>
/// A number that remembers how it was computed, so that <see cref="Backward"/> can work out how much every number
/// it came from affects it: a tiny scalar automatic differentiation, in the style of micrograd.
/// </summary>
/// <remarks>
/// <para>
/// Every arithmetic operation on values makes a new node of a <em>computation graph</em>: the result, the operation
/// that made it, its inputs, and for each input the <em>local gradient</em> ∂result/∂input, worked out when the result
/// is computed (for a × b: b for a, and a for b). <see cref="Backward"/> then applies the chain rule from the output
/// back to the inputs, in reverse topological order:
/// </para>
/// <para>∂output/∂input += ∂output/∂result · ∂result/∂input, for every result that input feeds.</para>
/// <para>
/// The += matters: a node that feeds several others (a weight used for every example, or e in e · e) gets the sum of
/// all their contributions. This is reverse-mode automatic differentiation, what PyTorch, JAX and every deep-learning
/// framework use; they do it on whole matrices at a time rather than one number at a time.
/// </para>
/// <para>
/// A value's number never changes once computed (<see cref="Data"/> has no setter): to take a gradient-descent step,
/// build new leaves from the old ones' <see cref="Data"/> and <see cref="Gradient"/>, then the graph again.
/// </para>
/// </remarks>
public sealed class Value
{
    private readonly (Value Input, double LocalGradient)[] inputs;

    /// <summary>A leaf of the graph: an input or a parameter, made by no operation.</summary>
    /// <param name="data">Its number.</param>
    /// <param name="label">A name for charts and printing, such as "w1"; it takes no part in the arithmetic.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="data"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public Value(double data, string label = "")
    {
        Guard.Finite(data, nameof(data));
        Guard.NotNull(label, nameof(label));
        (Data, Label, Operation, inputs) = (data, label, "", []);
    }

    private Value(double data, string operation, (Value Input, double LocalGradient)[] inputs) =>
        (Data, Label, Operation, this.inputs) = (data, "", operation, inputs);

    /// <summary>The number this node holds.</summary>
    public double Data { get; }

    /// <summary>
    /// ∂output/∂this: how much the output that <see cref="Backward"/> was last called on changes per unit change of
    /// this node, all else fixed. 0 until then.
    /// </summary>
    public double Gradient { get; private set; }

    /// <summary>The node's name for charts and printing ("" when it has none); set it with <see cref="Named"/>.</summary>
    public string Label { get; private set; }

    /// <summary>The operation that made this node ("+", "−", "×", "÷", "exp", "σ", "Σ", …), or "" for a leaf.</summary>
    public string Operation { get; }

    /// <summary>The nodes this one was computed from, in order (the same node twice for e × e); empty for a leaf.</summary>
    public IReadOnlyList<Value> Inputs => Array.ConvertAll(inputs, edge => edge.Input);

    /// <summary>Names this node (for charts and printing) and returns it, so a line can compute and name at once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public Value Named(string label)
    {
        Guard.NotNull(label, nameof(label));
        Label = label;
        return this;
    }

    /// <summary>
    /// A node made by an operation of your own: its number, and each input with the local gradient ∂result/∂input.
    /// Every operation of this class is made this way. For example tanh:
    /// <c>var t = Math.Tanh(z.Data); Value.FromOperation("tanh", t, (z, 1 - t * t))</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty, or there are no inputs.</exception>
    /// <exception cref="ArgumentNullException">An argument or an input is null.</exception>
    /// <exception cref="ArithmeticException">The result or a local gradient is NaN or infinite (an overflow, or a division by 0).</exception>
    public static Value FromOperation(string operation, double data, params ReadOnlySpan<(Value Input, double LocalGradient)> inputs)
    {
        Guard.NotNull(operation, nameof(operation));
        if (operation.Length == 0 || inputs.Length == 0)
        {
            throw new ArgumentException(
                $"An operation needs a name and at least one input, but had name '{operation}' and {inputs.Length} inputs.", nameof(inputs));
        }
        foreach (var (input, _) in inputs)
        {
            Guard.NotNull(input, nameof(inputs));
        }
        var edges = inputs.ToArray();
        if (!double.IsFinite(data))
        {
            throw new ArithmeticException($"{Describe(operation, edges)} is {Guard.Format(data)}, not a finite number.");
        }
        for (var k = 0; k < edges.Length; k++)
        {
            if (!double.IsFinite(edges[k].LocalGradient))
            {
                throw new ArithmeticException(
                    $"The local gradient of {Describe(operation, edges)} with respect to its input {k + 1} is {Guard.Format(edges[k].LocalGradient)}, not a finite number.");
            }
        }
        return new Value(data, operation, edges);
    }

    /// <summary>a + b; ∂/∂a = 1, ∂/∂b = 1.</summary>
    /// <exception cref="ArgumentNullException">a or b is null.</exception>
    public static Value operator +(Value a, Value b) => Binary("+", a, b, static (x, y) => (x + y, 1, 1));

    /// <summary>a + a constant; ∂/∂a = 1.</summary>
    public static Value operator +(Value a, double b) => a + new Value(b);

    /// <summary>A constant + b; ∂/∂b = 1.</summary>
    public static Value operator +(double a, Value b) => new Value(a) + b;

    /// <summary>a − b; ∂/∂a = 1, ∂/∂b = −1.</summary>
    /// <exception cref="ArgumentNullException">a or b is null.</exception>
    public static Value operator -(Value a, Value b) => Binary("−", a, b, static (x, y) => (x - y, 1, -1));

    /// <summary>a − a constant; ∂/∂a = 1.</summary>
    public static Value operator -(Value a, double b) => a - new Value(b);

    /// <summary>A constant − b; ∂/∂b = −1.</summary>
    public static Value operator -(double a, Value b) => new Value(a) - b;

    /// <summary>−a; ∂/∂a = −1.</summary>
    /// <exception cref="ArgumentNullException">a is null.</exception>
    public static Value operator -(Value a) => Unary("−", a, static x => (-x, -1));

    /// <summary>a × b; ∂/∂a = b, ∂/∂b = a.</summary>
    /// <exception cref="ArgumentNullException">a or b is null.</exception>
    public static Value operator *(Value a, Value b) => Binary("×", a, b, static (x, y) => (x * y, y, x));

    /// <summary>a × a constant; ∂/∂a = the constant.</summary>
    public static Value operator *(Value a, double b) => a * new Value(b);

    /// <summary>A constant × b; ∂/∂b = the constant.</summary>
    public static Value operator *(double a, Value b) => new Value(a) * b;

    /// <summary>a ÷ b; ∂/∂a = 1/b, ∂/∂b = −a/b².</summary>
    /// <exception cref="ArgumentNullException">a or b is null.</exception>
    /// <exception cref="ArithmeticException">b is 0, or so small that a/b or a/b² overflows.</exception>
    public static Value operator /(Value a, Value b) => Binary("÷", a, b, static (x, y) => (x / y, 1 / y, -x / (y * y)));

    /// <summary>a ÷ a constant; ∂/∂a = 1 / the constant.</summary>
    /// <exception cref="ArithmeticException">The constant is 0.</exception>
    public static Value operator /(Value a, double b) => a / new Value(b);

    /// <summary>A constant ÷ b; ∂/∂b = −constant/b².</summary>
    /// <exception cref="ArithmeticException">b is 0.</exception>
    public static Value operator /(double a, Value b) => new Value(a) / b;

    /// <summary>e^a; its derivative is e^a itself.</summary>
    /// <exception cref="ArithmeticException">e^a overflows (a above about 709).</exception>
    public Value Exp() => Unary("exp", this, static x => (Math.Exp(x), Math.Exp(x)));

    /// <summary>The library's (and the blog's) sigmoid of this value, σ(z) = 1 / (1 + e^(−z)) with z clipped to ±250.</summary>
    /// <remarks>Its local gradient is σ′ written through the output s = σ(z): s · (1 − s), <see cref="Activations.Sigmoid"/>'s formula.</remarks>
    public Value Sigmoid() => Unary("σ", this, static z =>
    {
        var s = Activations.Sigmoid.Value(z);
        return (s, Activations.Sigmoid.DerivativeFromOutput(s));
    });

    /// <summary>The sum of the terms as one node; ∂sum/∂term = 1 for every term.</summary>
    /// <exception cref="ArgumentException">There are no terms.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or one of them is null.</exception>
    public static Value Sum(IEnumerable<Value> terms)
    {
        Guard.NotNull(terms, nameof(terms));
        var all = terms.ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("terms must hold at least one value, but was empty.", nameof(terms));
        }
        Array.ForEach(all, term => Guard.NotNull(term, nameof(terms)));
        return FromOperation("Σ", all.Sum(term => term.Data), Array.ConvertAll(all, term => (term, 1.0)));
    }

    /// <summary>
    /// Every node this one was computed from, and itself, each once and each after all of its inputs (a topological
    /// order): leaves come first and this node last.
    /// </summary>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var order = new List<Value>();
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance) { this };
        // Depth-first, with an explicit stack so that a long chain of operations cannot overflow the call stack.
        var stack = new Stack<(Value Node, int NextInput)>([(this, 0)]);
        while (stack.TryPop(out var top))
        {
            var (node, next) = top;
            if (next == node.inputs.Length)
            {
                order.Add(node); // all of its inputs are already in
                continue;
            }
            stack.Push((node, next + 1));
            var input = node.inputs[next].Input;
            if (seen.Add(input))
            {
                stack.Push((input, 0));
            }
        }
        return order;
    }

    /// <summary>
    /// Fills in <see cref="Gradient"/> = ∂this/∂node for every node of this value's graph, by the chain rule from
    /// this node back to the leaves.
    /// </summary>
    /// <remarks>
    /// Every gradient of the graph is first set to 0 and this node's to 1 (∂this/∂this), then, for each node from this
    /// one back (reverse topological order, so a node's gradient is complete before it is passed on), each input gets
    /// input.Gradient += node.Gradient · ∂node/∂input. Calling it twice gives the same gradients, not twice them
    /// (micrograd's <c>backward</c> would accumulate). A node shared with another graph gets the gradient of the
    /// graph Backward was called on last: to combine losses, add them into one value first.
    /// </remarks>
    /// <exception cref="ArithmeticException">A gradient overflows to infinity; the gradients are then meaningless.</exception>
    public void Backward()
    {
        var order = TopologicalOrder();
        foreach (var node in order)
        {
            node.Gradient = 0;
        }
        Gradient = 1;
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            foreach (var (input, localGradient) in node.inputs)
            {
                input.Gradient += node.Gradient * localGradient; // += : a node feeding several others sums their contributions
                if (!double.IsFinite(input.Gradient))
                {
                    throw new ArithmeticException($"The gradient of {input.Describe()} became {Guard.Format(input.Gradient)}: it overflowed.");
                }
            }
        }
    }

    /// <summary>The label (if any), the number and the gradient, such as "w1 = 0.5 (gradient −0.0926)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Label.Length > 0 ? Label + " = " : "")}{Data:G6} (gradient {Gradient:G6})");

    /// <summary>An operation of two values: <paramref name="rule"/> gives the result and its local gradients (∂/∂a, ∂/∂b).</summary>
    private static Value Binary(string operation, Value a, Value b, Func<double, double, (double Result, double ByA, double ByB)> rule)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        var (result, byA, byB) = rule(a.Data, b.Data);
        return FromOperation(operation, result, (a, byA), (b, byB));
    }

    /// <summary>An operation of one value: <paramref name="rule"/> gives the result and its local gradient.</summary>
    private static Value Unary(string operation, Value a, Func<double, (double Result, double ByA)> rule)
    {
        Guard.NotNull(a, nameof(a));
        var (result, byA) = rule(a.Data);
        return FromOperation(operation, result, (a, byA));
    }

    private string Describe() => Label.Length > 0 ? Label : Operation.Length > 0 ? Describe(Operation, inputs) : Guard.Format(Data);

    private static string Describe(string operation, (Value Input, double LocalGradient)[] inputs)
    {
        var operands = inputs.Select(edge => Guard.Format(edge.Input.Data)).ToArray();
        return operands.Length == 2 && operation.Length == 1
            ? $"{operands[0]} {operation} {operands[1]}"
            : $"{operation}({string.Join(", ", operands)})";
    }
}
