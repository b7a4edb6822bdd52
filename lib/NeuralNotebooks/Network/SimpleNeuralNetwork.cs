using MathNet.Numerics.LinearAlgebra;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Random;
using NeuralNotebooks.Training;

namespace NeuralNotebooks.Network;

/// <summary>
/// The blog's network: 2 inputs, one hidden layer of sigmoid units, 1 sigmoid output, trained by
/// backpropagation on the whole batch.
/// </summary>
/// <remarks>
/// Each step of the blog's class is a method you can call on its own: <see cref="Forward"/>,
/// <see cref="Backward"/>, <see cref="ApplyGradients"/>, and <see cref="Train"/> which repeats them.
/// Updating replaces the weight matrices with new ones, so a matrix you kept from before stays as it was.
/// </remarks>
public sealed class SimpleNeuralNetwork
{
    /// <summary>The number of inputs: XOR takes two.</summary>
    public const int InputCount = 2;

    /// <summary>The number of outputs: one prediction per example.</summary>
    public const int OutputCount = 1;

    /// <summary>
    /// Draws the weights as the blog's <c>__init__</c> does, from numpy's generator seeded with
    /// <paramref name="seed"/>: W1, W2, b1, b2, each <c>uniform(-1, 1)</c>.
    /// </summary>
    /// <param name="hiddenUnits">The width H of the hidden layer (the blog uses 4).</param>
    /// <param name="seed">numpy's seed (the blog uses 42).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="hiddenUnits"/> is below 1 or too large for this machine (see <see cref="NeuralNetwork.Create"/>), or
    /// <paramref name="seed"/> is outside numpy's 0 to 2^32 − 1.
    /// </exception>
    public SimpleNeuralNetwork(int hiddenUnits = 4, long seed = 42)
        : this(hiddenUnits, new NumpyRandom(seed))
    {
    }

    /// <summary>Draws the weights from <paramref name="random"/> in the blog's order: W1, W2, b1, b2.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hiddenUnits"/> is below 1 or too large for this machine.</exception>
    public SimpleNeuralNetwork(int hiddenUnits, NumpyRandom random)
    {
        Guard.AtLeast(hiddenUnits, 1, nameof(hiddenUnits));
        Guard.NotNull(random, nameof(random));
        MemoryLimit.CheckNetwork([InputCount, hiddenUnits, OutputCount], nameof(hiddenUnits), hiddenUnits);
        var drawn = Initializer.Uniform.Draw([InputCount, hiddenUnits, OutputCount], random);
        Network = new NeuralNetwork(drawn.Select(p => new DenseLayer(p.Weights, p.Bias, Activation.Sigmoid)));
    }

    /// <summary>A network with the given weights (copied): W1 is 2 × H, b1 is 1 × H, W2 is H × 1, b2 is 1 × 1.</summary>
    /// <exception cref="ArgumentException">A matrix has the wrong shape or holds NaN or infinity.</exception>
    public SimpleNeuralNetwork(Matrix<double> weights1, Matrix<double> bias1, Matrix<double> weights2, Matrix<double> bias2)
    {
        Guard.Shape(weights1, InputCount, null, nameof(weights1), "2 inputs by H hidden units");
        var hidden = weights1.ColumnCount;
        Guard.Shape(bias1, 1, hidden, nameof(bias1), "one bias per hidden unit");
        Guard.Shape(weights2, hidden, OutputCount, nameof(weights2), "H hidden units by 1 output");
        Guard.Shape(bias2, 1, OutputCount, nameof(bias2), "one bias for the output");
        foreach (var (matrix, name) in new[] { (weights1, nameof(weights1)), (bias1, nameof(bias1)), (weights2, nameof(weights2)), (bias2, nameof(bias2)) })
        {
            Guard.AllFinite(matrix, name);
        }
        Network = new NeuralNetwork([new DenseLayer(weights1, bias1, Activation.Sigmoid), new DenseLayer(weights2, bias2, Activation.Sigmoid)]);
    }

    /// <summary>
    /// The same network as a general <see cref="NeuralNetwork"/> (sizes [2, H, 1], sigmoid layers): the blog's network
    /// is one configuration of it. Both views share the same weights.
    /// </summary>
    public NeuralNetwork Network { get; }

    /// <summary>W1: the weights from the 2 inputs to the H hidden units (2 × H); the blog's <c>weights1</c>.</summary>
    public Matrix<double> Weights1 => Network.Layers[0].Weights;

    /// <summary>b1: the hidden units' biases (1 × H); the blog's <c>bias1</c>.</summary>
    public Matrix<double> Bias1 => Network.Layers[0].Bias;

    /// <summary>W2: the weights from the hidden units to the output (H × 1); the blog's <c>weights2</c>.</summary>
    public Matrix<double> Weights2 => Network.Layers[1].Weights;

    /// <summary>b2: the output's bias (1 × 1); the blog's <c>bias2</c>.</summary>
    public Matrix<double> Bias2 => Network.Layers[1].Bias;

    /// <summary>H, the number of hidden units.</summary>
    public int HiddenUnits => Weights1.ColumnCount;

    /// <summary>The activation of both layers: the sigmoid.</summary>
    public Activation Activation => Activation.Sigmoid;

    /// <summary>The forward pass: Z1 = X·W1 + b1, A1 = σ(Z1), Z2 = A1·W2 + b2, A2 = σ(Z2).</summary>
    /// <param name="X">The inputs, one example per row, 2 columns.</param>
    /// <exception cref="ArgumentException"><paramref name="X"/> does not have 2 columns, or holds NaN or infinity.</exception>
    public ForwardPass Forward(Matrix<double> X)
    {
        var pass = Network.Forward(X);
        return new ForwardPass(X, pass.WeightedSums[1]!, pass.Activations[1], pass.WeightedSums[2]!, pass.Activations[2]);
    }

    /// <summary>
    /// The blog's backward pass: the errors and deltas of each layer, and the gradients they give.
    /// It does not change the weights; <see cref="ApplyGradients"/> does.
    /// </summary>
    /// <param name="forward">The forward pass to learn from (its X and outputs).</param>
    /// <param name="y">The targets, one row per example, 1 column.</param>
    /// <exception cref="ArgumentException"><paramref name="y"/> does not fit the forward pass's examples, or holds NaN or infinity.</exception>
    public BackwardPass Backward(ForwardPass forward, Matrix<double> y)
    {
        Guard.NotNull(forward, nameof(forward));
        var pass = new NetworkPass([forward.X, forward.A1, forward.A2], [null, forward.Z1, forward.Z2]);
        var gradients = Network.Backward(pass, y, Loss.MeanSquaredError);
        // The general network's deltas are ∂E/∂Z; the blog's deltas point the other way (negating is exact).
        var outputDelta = -gradients.Deltas[2]!;
        return new BackwardPass(
            OutputError: y - forward.A2,
            OutputDelta: outputDelta,
            HiddenError: outputDelta.TransposeAndMultiply(Weights2),
            HiddenDelta: -gradients.Deltas[1]!,
            Gradients: new Gradients(gradients.Weights[1]!, gradients.Biases[1]!, gradients.Weights[2]!, gradients.Biases[2]!));
    }

    /// <summary>One step of gradient descent: W ← W − learningRate · ∂E/∂W for each weight matrix and bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not a finite number above 0.</exception>
    /// <exception cref="ArgumentException">A gradient does not have its weight's shape.</exception>
    /// <exception cref="InvalidOperationException">The step would make a weight NaN or infinite; the weights are left as they were.</exception>
    public void ApplyGradients(Gradients gradients, double learningRate)
    {
        Guard.NotNull(gradients, nameof(gradients));
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (!TryApplyGradients(gradients, learningRate))
        {
            throw new InvalidOperationException(
                $"This step (learningRate = {Guard.Format(learningRate)}) would make a weight NaN or infinite, so the weights were left as they were. Try a smaller learning rate.");
        }
    }

    /// <summary>
    /// Trains on the whole batch for <paramref name="epochs"/> epochs, as the blog's <c>train</c>:
    /// each epoch a forward pass, its loss, a backward pass and an update.
    /// </summary>
    /// <remarks>
    /// This is <see cref="Trainer.Train"/> with the blog's options (<see cref="TrainingOptions.Blog"/>): mean squared error,
    /// full batch, summed gradients, plain SGD. The trainer runs it on its <see cref="TrainingEngine.Blog"/> engine, which
    /// gives <see cref="TrainStepByStep"/>'s numbers to the last bit without allocating (on data sets far larger than
    /// XOR, more than 32,768 examples × hidden units, on the <see cref="TrainingEngine.Fast"/> engine instead).
    /// </remarks>
    /// <param name="X">The inputs, one example per row, 2 columns.</param>
    /// <param name="y">The targets, one row per example, 1 column.</param>
    /// <param name="epochs">How many passes over the data (0 or more).</param>
    /// <param name="learningRate">The step size η; the blog uses 0.1.</param>
    /// <param name="onEpoch">Called after every epoch with its number and loss: for progress lines and live charts.</param>
    /// <param name="cancellationToken">Stops training between two epochs.</param>
    /// <returns>The loss of every epoch, measured on that epoch's forward pass, before its update.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative or <paramref name="learningRate"/> is not a finite number above 0.</exception>
    /// <exception cref="ArgumentException">X or y has the wrong shape or holds NaN or infinity.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a weight became NaN or infinite; the weights are those from before that step.</exception>
    public TrainingHistory Train(
        Matrix<double> X,
        Matrix<double> y,
        int epochs,
        double learningRate = 0.1,
        Action<EpochReport>? onEpoch = null,
        CancellationToken cancellationToken = default) =>
        Network.Train(X, y, Loss.MeanSquaredError, TrainingOptions.Blog(epochs, learningRate), onEpoch, cancellationToken);

    /// <summary>
    /// Trains with the readable step-by-step path (<see cref="NeuralNetwork.Forward"/>, <see cref="NeuralNetwork.Backward"/> and a
    /// step that replaces the matrices, through the general network): slower, and the reference the fast path is tested against.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative or <paramref name="learningRate"/> is not a finite number above 0.</exception>
    /// <exception cref="ArgumentException">X or y has the wrong shape or holds NaN or infinity.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a weight became NaN or infinite; the weights are those from before that step.</exception>
    public TrainingHistory TrainStepByStep(Matrix<double> X, Matrix<double> y, int epochs, double learningRate = 0.1, Action<EpochReport>? onEpoch = null) =>
        Network.Train(X, y, Loss.MeanSquaredError, TrainingOptions.Blog(epochs, learningRate) with { Engine = TrainingEngine.StepByStep }, onEpoch);

    /// <summary>The predictions for a batch: one row per example of <paramref name="X"/>, 1 column.</summary>
    /// <exception cref="ArgumentException"><paramref name="X"/> does not have 2 columns, or holds NaN or infinity.</exception>
    public Matrix<double> Predict(Matrix<double> X) => Forward(X).Output;

    /// <summary>The prediction for one point (x1, x2): a number between 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x1 or x2 is NaN or infinite.</exception>
    public double Predict(double x1, double x2)
    {
        Guard.Finite(x1, nameof(x1));
        Guard.Finite(x2, nameof(x2));
        return Predict(Matrix<double>.Build.DenseOfRowArrays([x1, x2]))[0, 0];
    }

    /// <summary>A copy with its own weights, for comparing before and after training.</summary>
    public SimpleNeuralNetwork Clone() => new(Weights1, Bias1, Weights2, Bias2);

    private bool TryApplyGradients(Gradients gradients, double learningRate)
    {
        Guard.Shape(gradients.Weights1, Weights1.RowCount, Weights1.ColumnCount, "gradients.Weights1", "the shape of W1");
        Guard.Shape(gradients.Bias1, Bias1.RowCount, Bias1.ColumnCount, "gradients.Bias1", "the shape of b1");
        Guard.Shape(gradients.Weights2, Weights2.RowCount, Weights2.ColumnCount, "gradients.Weights2", "the shape of W2");
        Guard.Shape(gradients.Bias2, Bias2.RowCount, Bias2.ColumnCount, "gradients.Bias2", "the shape of b2");
        // SGD's step W − ∂E/∂W · η, the same formula every training engine uses; W − (−G)·η is W + G·η to the last bit,
        // so this is exactly the blog's W += G * learning_rate.
        var rule = new SgdRule(learningRate);
        var updated = new[] { (Weights1, gradients.Weights1), (Bias1, gradients.Bias1), (Weights2, gradients.Weights2), (Bias2, gradients.Bias2) }
            .Select(pair => Step(rule, pair.Item1, pair.Item2))
            .ToList();
        if (updated.Any(u => u is null))
        {
            return false;
        }
        (Network.Layers[0].Weights, Network.Layers[0].Bias, Network.Layers[1].Weights, Network.Layers[1].Bias) = (updated[0]!, updated[1]!, updated[2]!, updated[3]!);
        return true;
    }

    /// <summary>A new matrix holding W − G · η, or null when an entry would not be finite.</summary>
    private static Matrix<double>? Step(SgdRule rule, Matrix<double> weights, Matrix<double> gradient)
    {
        var next = new double[weights.RowCount * weights.ColumnCount];
        var largest = Updates.Apply(rule, weights.ToColumnMajorArray(), gradient.ToColumnMajorArray(), next, default, default, new GradientScaling(1, 0));
        return double.IsFinite(largest) ? Matrix<double>.Build.Dense(weights.RowCount, weights.ColumnCount, next) : null;
    }
}
