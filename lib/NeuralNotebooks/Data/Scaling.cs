namespace NeuralNotebooks.Data;

/// <summary>How to scale each input column (feature) before training; see <see cref="FeatureScaler"/> for the formulas.</summary>
public enum Scaling
{
    /// <summary>Leave the values as they are.</summary>
    None,

    /// <summary>Min-max: map each column's smallest value to 0 and its largest to 1.</summary>
    MinMax,

    /// <summary>Standardise: shift and stretch each column to mean 0 and standard deviation 1.</summary>
    Standardize,
}
