namespace Fer.Datasets;

/// <summary>
/// A loaded FER+ data set: its usage splits with their crowd votes, and what was skipped while loading. FER+'s own
/// folder names: Training is <c>FER2013Train</c>, PublicTest its validation set <c>FER2013Valid</c>, PrivateTest its
/// test set <c>FER2013Test</c>.
/// </summary>
public sealed class FerPlusDataset : Fer2013Splits<FerPlusVotes>
{
    internal FerPlusDataset(string source, IReadOnlyDictionary<Fer2013Split, FerPlusVotes> splits, SkippedInputs skipped)
        : base(source, splits, skipped)
    {
    }
}
