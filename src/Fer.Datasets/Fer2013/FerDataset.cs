namespace Fer.Datasets;

/// <summary>A loaded FER2013-style data set: its usage splits of labelled faces and what was skipped while loading.</summary>
public sealed class FerDataset : Fer2013Splits<LabeledFaces>
{
    internal FerDataset(string source, IReadOnlyDictionary<Fer2013Split, LabeledFaces> splits, SkippedInputs skipped)
        : base(source, splits, skipped)
    {
    }
}
