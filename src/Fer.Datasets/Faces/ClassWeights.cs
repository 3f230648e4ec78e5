using Fer.Internal;

namespace Fer.Datasets;

/// <summary>Class weights for imbalanced data such as FER2013 (disgust is 1.5% of the training faces).</summary>
public static class ClassWeights
{
    /// <summary>
    /// Inverse-frequency weights, <c>n / (k · n_c)</c> (scikit-learn's "balanced"): a class with the average count
    /// gets 1. A class with no images gets 0.
    /// </summary>
    /// <param name="data">The training data.</param>
    public static IReadOnlyList<double> InverseFrequency(LabeledFaces data)
    {
        Guard.NotNull(data);
        var counts = data.CountPerClass();
        return counts.Select(c => c == 0 ? 0.0 : (double)data.Count / (counts.Count * c)).ToArray();
    }

    /// <summary>
    /// Effective-number weights (Cui et al., CVPR 2019): <c>(1 − β) / (1 − β^n_c)</c>, rescaled so that they
    /// sum to the number of classes. A class with no images gets 0.
    /// </summary>
    /// <param name="data">The training data.</param>
    /// <param name="beta">In [0, 1); 0.999 or 0.9999 are usual. 0 gives equal weights.</param>
    public static IReadOnlyList<double> EffectiveNumber(LabeledFaces data, double beta = 0.999)
    {
        Guard.NotNull(data);
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta must be in [0, 1), but was {beta}.");
        }

        var counts = data.CountPerClass();
        var raw = counts.Select(c => c == 0 ? 0.0 : (1 - beta) / (1 - Math.Pow(beta, c))).ToArray();
        var present = counts.Count(c => c > 0);
        var sum = raw.Sum();
        return raw.Select(w => w * present / sum).ToArray();
    }

    /// <summary>
    /// Per-image sampling weights that make every class equally likely to be drawn (oversampling rare classes),
    /// for a weighted sampler: weight of image i = 1 / count of its class.
    /// </summary>
    /// <param name="data">The training data.</param>
    public static IReadOnlyList<double> BalancedSampleWeights(LabeledFaces data)
    {
        Guard.NotNull(data);
        var counts = data.CountPerClass();
        return data.Labels.Select(l => 1.0 / counts[l]).ToArray();
    }
}
