namespace Fer.Core;

/// <summary>
/// The keys of <see cref="Sequential.TrainingInfo"/> that the library writes and reads; apps may add their own keys
/// beside them. Values are text (the history as CSV).
/// </summary>
public static class TrainingInfoKeys
{
    /// <summary>The architecture's name, e.g. "CompactVgg" (written by <see cref="Architecture.Build"/>).</summary>
    public const string Architecture = "architecture";

    /// <summary>The per-epoch history as CSV (written by <c>EmotionClassifier.Train</c>; read back into <see cref="Core.History"/>).</summary>
    public const string History = "history";

    /// <summary>The loss trained with, e.g. "CategoricalCrossEntropy(labelSmoothing=0.1)".</summary>
    public const string Loss = "loss";

    /// <summary>The optimizer trained with.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>The augmentation pipeline trained with.</summary>
    public const string Augmentation = "augmentation";

    /// <summary>The number of epochs trained.</summary>
    public const string Epochs = "epochs";

    /// <summary>The number of training images.</summary>
    public const string TrainingImages = "trainingImages";

    /// <summary>The distillation trained with, teachers named.</summary>
    public const string Distillation = "distillation";

    /// <summary>The trained model fine-tuning started from (<see cref="TrainingOptions.StartFrom"/>) and the classes it lacked.</summary>
    public const string StartedFrom = "startedFrom";

    /// <summary>An ensemble's members, in order (written by <see cref="Ensembles.Average"/>).</summary>
    public const string Ensemble = "ensemble";
}
