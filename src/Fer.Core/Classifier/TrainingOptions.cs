using Fer.Datasets;

namespace Fer.Core;

/// <summary>Options of <see cref="EmotionClassifier.Train(LabeledFaces, TrainingOptions?, IProgress{TrainingProgress}?, CancellationToken)"/>; every property has a sensible default.</summary>
public sealed record TrainingOptions
{
    /// <summary>The network preset; <see cref="Architectures.MiniXception"/> by default. Ignored when <see cref="Model"/> is set.</summary>
    public Architecture Architecture { get; init; } = Architectures.MiniXception;

    /// <summary>A custom, uncompiled model to train instead of a preset; the classifier takes ownership of it.</summary>
    public Sequential? Model { get; init; }

    /// <summary>
    /// Fine-tuning: a trained model whose weights start the network (<see cref="Sequential.TransferWeightsFrom"/>), e.g.
    /// <c>EmotionClassifier.LoadDefault().Model</c> to adapt the embedded model to your own faces or classes. It must
    /// have the architecture being trained; the classifier's rows are matched by emotion, and new classes start fresh.
    /// Fine-tuning wants a smaller learning rate and fewer epochs than training from scratch. None by default.
    /// </summary>
    public Sequential? StartFrom { get; init; }

    /// <summary>Epochs to train.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>The optimizer; Adam with learning rate 0.001 by default.</summary>
    public Optimizer? Optimizer { get; init; }

    /// <summary>An epoch-wise learning-rate schedule; none by default.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Label smoothing of the cross-entropy loss, in [0, 1).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Augmentation of training batches; <see cref="Augmentations.Standard"/> by default, <see cref="Augmentations.None"/> for none.</summary>
    public AugmentationPipeline? Augmentation { get; init; }

    /// <summary>How class imbalance is countered.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Validation images, evaluated after every epoch; overrides <see cref="ValidationSplit"/>.</summary>
    public LabeledFaces? Validation { get; init; }

    /// <summary>Share of the training data split off (stratified, seeded) for validation when <see cref="Validation"/> is not set; 0 for none.</summary>
    public double ValidationSplit { get; init; }

    /// <summary>Extra callbacks, e.g. <see cref="Callbacks.EarlyStopping"/> or <see cref="Callbacks.BackupAndRestore"/>.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];

    /// <summary>Pixel normalisation, saved with the model; FER2013's mean and standard deviation by default.</summary>
    public Normalization Normalization { get; init; } = Normalization.Fer2013;

    /// <summary>Seed of weights, batch order, augmentation and dropout.</summary>
    public int Seed { get; init; }

    /// <summary>Where to train; the CPU by default.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>
    /// Knowledge distillation from a trained teacher, e.g. <c>Losses.DistillFrom(EmotionClassifier.Load("big.fer").Model)</c>:
    /// the network learns the teacher's softened predictions as well as the labels. None by default. The teacher must
    /// use this <see cref="Normalization"/> and <see cref="Device"/>. Its label loss is replaced by these options' own
    /// (label smoothing and class weighting).
    /// </summary>
    public KnowledgeDistillation? Distillation { get; init; }

    /// <summary>Checks every option and reports all problems in one exception.</summary>
    /// <param name="data">The training data the options are for.</param>
    /// <param name="parameterName">The caller's name for these options, for the exception.</param>
    internal void Validate(LabeledFaces data, string parameterName)
    {
        var problems = new List<string>();
        if (Epochs <= 0)
        {
            problems.Add($"Epochs must be positive, but was {Epochs}.");
        }

        if (BatchSize <= 0)
        {
            problems.Add($"BatchSize must be positive, but was {BatchSize}.");
        }

        if (!(LabelSmoothing >= 0 && LabelSmoothing < 1))
        {
            problems.Add($"LabelSmoothing must be in [0, 1), but was {LabelSmoothing}.");
        }

        if (!(ValidationSplit >= 0 && ValidationSplit < 1))
        {
            problems.Add($"ValidationSplit must be in [0, 1), but was {ValidationSplit}.");
        }

        if (!Enum.IsDefined(ClassWeighting))
        {
            problems.Add($"ClassWeighting {ClassWeighting} is not defined.");
        }

        if (Model is { IsBuilt: true, Optimizer: not null })
        {
            problems.Add("Model must not be compiled yet: Train compiles it with the options' optimizer and loss.");
        }

        if (Validation is { } validation && (validation.Shape != data.Shape || !validation.ClassNames.SequenceEqual(data.ClassNames)))
        {
            problems.Add($"Validation holds images of shape {validation.Shape} with classes [{string.Join(", ", validation.ClassNames)}], but the training data has {data.Shape} and [{string.Join(", ", data.ClassNames)}].");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options:\n- " + string.Join("\n- ", problems), parameterName);
        }
    }
}
