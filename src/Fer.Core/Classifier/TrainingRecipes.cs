namespace Fer.Core;

/// <summary>
/// Named training recipes: complete <see cref="TrainingOptions"/> that the library's own tools use (the <c>fer</c>
/// command, the samples, the script that trains the embedded model), so that a model trained from any of them is
/// trained the same way. Adjust one with <c>with { … }</c>.
/// </summary>
/// <example>
/// <code>
/// var options = TrainingRecipes.Default(epochs: 60, seed: 1) with { Architecture = Architectures.CompactVgg };
/// using var classifier = EmotionClassifier.Train(data.Training, options);
/// </code>
/// </example>
public static class TrainingRecipes
{
    /// <summary>
    /// Mini-Xception, Adam at 1e-3 with cosine decay to 1e-5 after two warm-up epochs (fewer for runs of one or two
    /// epochs), batches of 64, label smoothing
    /// 0.1, the standard augmentation (<see cref="Fer.Datasets.Augmentations.Standard"/>: flip, 4-pixel shift, small
    /// rotation and scaling, brightness and contrast jitter, random erasing) and 10% of the training data held out
    /// (stratified) for validation.
    /// </summary>
    /// <param name="epochs">Training epochs; the schedule spans them.</param>
    /// <param name="seed">Seed of initialisation, batch order, augmentation and the validation split.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is not positive.</exception>
    public static TrainingOptions Default(int epochs = 30, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);

        return new TrainingOptions
        {
            Architecture = Architectures.MiniXception,
            Epochs = epochs,
            BatchSize = 64,
            Optimizer = Optimizers.Adam(1e-3),
            Schedule = Schedules.Cosine(epochs, 1e-5, warmupEpochs: Math.Min(2, epochs - 1)),
            LabelSmoothing = 0.1,
            Augmentation = Fer.Datasets.Augmentations.Standard(seed),
            ValidationSplit = 0.1,
            Seed = seed,
        };
    }
}
