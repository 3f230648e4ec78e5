namespace Fer.Datasets;

/// <summary>
/// What a face's training target is: its one label, or a distribution over the classes (FER+'s crowd votes) used in
/// one of the ways Barsoum et al. (2016) compare. Evaluation always scores against <see cref="LabeledFaces.Labels"/>.
/// </summary>
public enum TargetKind
{
    /// <summary>One label per face, learned as a one-hot target (FER2013; FER+'s majority mode).</summary>
    Label,

    /// <summary>The distribution itself is the target of the cross-entropy (FER+'s cross-entropy mode).</summary>
    Distribution,

    /// <summary>Each time a face is used in training, one label is drawn from its distribution, seeded by the batch loader's seed, the epoch and the batch (FER+'s probability mode).</summary>
    DrawnLabel,

    /// <summary>Every class with a share above zero counts as right: train with <c>Losses.MultiTarget()</c> (FER+'s multi-target mode).</summary>
    AnyOfLabels,
}
