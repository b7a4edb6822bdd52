using MathNet.Numerics.LinearAlgebra;

namespace NeuralNotebooks.Training;

/// <summary>Tells what made training diverge and says it in one line.</summary>
internal static class Divergence
{
    /// <summary>Inputs this large are too large for any learning rate: scaled data is about −1 … 1.</summary>
    public const double LargeData = 1e6;

    /// <summary>
    /// The cause: the data when even the starting weights gave non-finite outputs or loss, or when the data is huge;
    /// L2 when its pull λ · w outweighed the data's gradient (or overflowed) in the step that diverged; else the learning rate.
    /// </summary>
    public static DivergenceCause Diagnose(bool beforeAnyStep, StepSizes lastStep, double l2, double dataScale)
    {
        if (beforeAnyStep)
        {
            return DivergenceCause.Inputs;
        }
        if (l2 > 0 && !(lastStep.L2 <= lastStep.Data))
        {
            return DivergenceCause.L2;
        }
        return dataScale >= LargeData ? DivergenceCause.Inputs : DivergenceCause.LearningRate;
    }

    /// <summary>The exception for a divergence at <paramref name="epoch"/>, with what happened and what to change.</summary>
    public static TrainingDivergedException Exception(
        int epoch, string what, DivergenceCause cause, TrainingOptions options, Matrix<double> X, Matrix<double> y, TrainingHistory history)
    {
        var advice = cause switch
        {
            DivergenceCause.L2 =>
                $"; L2's pull λ · W (l2 = {Guard.Format(options.L2)}) outweighed the data's gradient. Try a smaller l2.",
            DivergenceCause.Inputs => $"; {DataAdvice(X, y)}",
            _ => $" (learning rate {Guard.Format(options.Optimizer.LearningRate)}). Try a smaller learning rate.",
        };
        return new TrainingDivergedException(epoch, cause, $"Training diverged at epoch {epoch}: {what}{advice}", options.Optimizer.LearningRate, history);
    }


    private static string DataAdvice(Matrix<double> X, Matrix<double> y)
    {
        var (inputs, targets) = (Largest(X), Largest(y));
        var which = targets > inputs ? $"the targets reach {Guard.Format(targets)} in size" : $"the inputs reach {Guard.Format(inputs)} in size";
        return $"{which}, too large for the network. Scale the data to about −1 … 1 (for example, subtract each column's mean and divide by its standard deviation).";
    }

    private static double Largest(Matrix<double> matrix) => Finite.LargestMagnitude(matrix);
}
