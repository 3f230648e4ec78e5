namespace Fer.Core;

/// <summary>Creates losses for <see cref="Sequential.Compile"/>.</summary>
public static class Losses
{
    /// <summary>Categorical cross-entropy, optionally label-smoothed and class-weighted.</summary>
    /// <param name="labelSmoothing">ε in [0, 1); 0.1 is common.</param>
    /// <param name="classWeights">One weight per class (e.g. <c>ClassWeights.InverseFrequency(train)</c>), or null.</param>
    public static CategoricalCrossEntropy CategoricalCrossEntropy(double labelSmoothing = 0, IReadOnlyList<double>? classWeights = null)
        => new(labelSmoothing, classWeights);
}
