namespace Fer.Core;

/// <summary>How <see cref="EmotionClassifier.Train(Fer.Datasets.LabeledFaces, TrainingOptions?, IProgress{TrainingProgress}?, CancellationToken)"/> counters class imbalance.</summary>
public enum ClassWeighting
{
    /// <summary>Every image counts the same.</summary>
    None,

    /// <summary>Loss weights n / (k · n_c) (scikit-learn's "balanced").</summary>
    InverseFrequency,

    /// <summary>Loss weights from the effective number of samples (Cui et al. 2019, β = 0.999).</summary>
    EffectiveNumber,

    /// <summary>No loss weights; a weighted sampler draws every class equally often (oversampling rare classes).</summary>
    BalancedSampling,
}
