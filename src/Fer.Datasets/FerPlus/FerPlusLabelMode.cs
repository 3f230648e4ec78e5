namespace Fer.Datasets;

/// <summary>
/// How FER+'s ten crowd votes per face become a training target: the four modes of Barsoum et al., "Training Deep
/// Networks for Facial Expression Recognition with Crowd-Sourced Label Distribution" (ICMI 2016), as Microsoft's
/// reference code applies them. In every mode a vote count of 1 is dropped first as an outlier.
/// </summary>
public enum FerPlusLabelMode
{
    /// <summary>
    /// The class with more than half of the votes, one-hot; faces without one, or whose majority is unknown or not a
    /// face, are left out. Evaluation always uses this mode.
    /// </summary>
    Majority,

    /// <summary>
    /// Each time a face is used, one label drawn from its vote distribution (<see cref="TargetKind.DrawnLabel"/>). The
    /// distribution keeps the top one to three emotions covering at least 75% of the votes; faces where those hold half
    /// the votes or less, or whose top class is unknown or not a face, are left out.
    /// </summary>
    Probability,

    /// <summary>The same vote distribution as <see cref="Probability"/>, learned as the cross-entropy's target (<see cref="TargetKind.Distribution"/>): the paper's best mode.</summary>
    CrossEntropy,

    /// <summary>
    /// Every emotion with at least 30% of the votes counts as right (<see cref="TargetKind.AnyOfLabels"/>; train with
    /// <c>Losses.MultiTarget()</c>); faces where those hold half the votes or less are left out.
    /// </summary>
    MultiTarget,
}
