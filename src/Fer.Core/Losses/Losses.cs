namespace Fer.Core;

/// <summary>Creates losses for <see cref="Sequential.Compile"/>.</summary>
public static class Losses
{
    /// <summary>Categorical cross-entropy, optionally label-smoothed and class-weighted.</summary>
    /// <param name="labelSmoothing">ε in [0, 1); 0.1 is common.</param>
    /// <param name="classWeights">One weight per class (e.g. <c>ClassWeights.InverseFrequency(train)</c>), or null.</param>
    public static CategoricalCrossEntropy CategoricalCrossEntropy(double labelSmoothing = 0, IReadOnlyList<double>? classWeights = null)
        => new(labelSmoothing, classWeights);

    /// <summary>
    /// FER+'s multi-target loss (Barsoum et al. 2016): every class with a target share above zero counts as right
    /// (<c>FerPlusLabelMode.MultiTarget</c> faces, whose <c>TargetKind</c> is <c>AnyOfLabels</c>).
    /// </summary>
    /// <param name="epsilon">The weight of the other classes inside the maximum, in (0, 0.5); the paper's code uses 0.001.</param>
    public static MultiTargetCrossEntropy MultiTarget(double epsilon = 0.001) => new(epsilon);

    /// <summary>
    /// Knowledge distillation from a trained <paramref name="teacher"/> (Hinton et al. 2015), for
    /// <see cref="Sequential.Compile"/> (as its loss): e.g. a small, fast network learns what a large, accurate one predicts.
    /// </summary>
    /// <param name="teacher">A trained model with the student's input shape, normalisation, classes and device.</param>
    /// <param name="temperature">T &gt; 0 that softens both models' probabilities; 4 is common.</param>
    /// <param name="weight">The share in [0, 1] of the teacher's term in the loss; the rest follows the labels.</param>
    /// <param name="labelLoss">The loss against the labels that the distillation wraps; plain categorical cross-entropy when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">The temperature or weight is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="labelLoss"/> is a distillation itself.</exception>
    public static KnowledgeDistillation DistillFrom(Sequential teacher, double temperature = 4, double weight = 0.9, Loss? labelLoss = null)
        => new([teacher ?? throw new ArgumentNullException(nameof(teacher))], temperature, weight, labelLoss ?? CategoricalCrossEntropy());

    /// <summary>
    /// Knowledge distillation from an ensemble of trained <paramref name="teachers"/>: the student learns the mean of
    /// their softened probabilities, so one network can carry most of what several learned (e.g. the same architecture
    /// trained with different seeds). Each teacher costs one forward pass per training batch.
    /// </summary>
    /// <param name="teachers">One or more trained models with the student's input shape, normalisation, classes and device.</param>
    /// <param name="temperature">T &gt; 0 that softens all models' probabilities; 4 is common.</param>
    /// <param name="weight">The share in [0, 1] of the teachers' term in the loss; the rest follows the labels.</param>
    /// <param name="labelLoss">The loss against the labels that the distillation wraps; plain categorical cross-entropy when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="teachers"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="teachers"/> is empty, or <paramref name="labelLoss"/> is a distillation itself.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The temperature or weight is out of range.</exception>
    public static KnowledgeDistillation DistillFrom(IReadOnlyList<Sequential> teachers, double temperature = 4, double weight = 0.9, Loss? labelLoss = null)
        => new(teachers, temperature, weight, labelLoss ?? CategoricalCrossEntropy());
}
