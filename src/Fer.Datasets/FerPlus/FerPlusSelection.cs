namespace Fer.Datasets;

/// <summary>
/// The faces FER+'s rules keep under one <see cref="FerPlusLabelMode"/>, with their targets over the eight emotions
/// (<see cref="ClassNames.FerPlus"/>), and how many were left out and why.
/// </summary>
public sealed class FerPlusSelection
{
    internal FerPlusSelection(FerPlusLabelMode mode, LabeledFaces? faces, int total, IReadOnlyDictionary<FerPlusExclusion, int> excluded)
    {
        Mode = mode;
        _faces = faces;
        Total = total;
        Excluded = excluded;
    }

    private readonly LabeledFaces? _faces;

    /// <summary>The mode the rules were applied in.</summary>
    public FerPlusLabelMode Mode { get; }

    /// <summary>
    /// The kept faces: labels are the majority (or top) emotion, targets follow <see cref="Mode"/>
    /// (<see cref="LabeledFaces.TargetKind"/>). Evaluate against a <see cref="FerPlusLabelMode.Majority"/> selection.
    /// </summary>
    /// <exception cref="FerDataException">The rules left out every face.</exception>
    public LabeledFaces Faces => _faces ?? throw new FerDataException($"FER+'s rules ({Mode}) left out all {Total} faces: {DescribeExclusions()}.");

    /// <summary>How many faces the rules were applied to.</summary>
    public int Total { get; }

    /// <summary>How many faces were kept.</summary>
    public int Kept => _faces?.Count ?? 0;

    /// <summary>How many faces were left out for each reason (every reason is listed, with 0 where none was).</summary>
    public IReadOnlyDictionary<FerPlusExclusion, int> Excluded { get; }

    /// <summary>"kept 25,045 of 28,709 faces (majority); left out 3,506 without agreement, 141 unknown, 17 not a face".</summary>
    public override string ToString()
        => FormattableString.Invariant($"kept {Kept:N0} of {Total:N0} faces ({Mode.ToString().ToLowerInvariant()}); left out {DescribeExclusions()}");

    private string DescribeExclusions()
        => FormattableString.Invariant(
            $"{Excluded[FerPlusExclusion.NoAgreement]:N0} without agreement, {Excluded[FerPlusExclusion.Unknown]:N0} unknown, {Excluded[FerPlusExclusion.NotAFace]:N0} not a face");
}
