namespace Fer.Datasets;

/// <summary>
/// A loaded data set in FER2013's usage splits (Training, PublicTest, PrivateTest), and what was skipped while
/// loading it: the shape that <see cref="FerDataset"/> (labelled faces) and <see cref="FerPlusDataset"/> (faces with
/// their crowd votes) share.
/// </summary>
/// <typeparam name="TSplit">What one split holds.</typeparam>
public abstract class Fer2013Splits<TSplit>
{
    private readonly IReadOnlyDictionary<Fer2013Split, TSplit> _splits;

    private protected Fer2013Splits(string source, IReadOnlyDictionary<Fer2013Split, TSplit> splits, SkippedInputs skipped)
    {
        Source = source;
        _splits = splits;
        Skipped = skipped.Examples;
        SkippedCount = skipped.Count;
    }

    /// <summary>The file, files or folder the data set was loaded from.</summary>
    public string Source { get; }

    /// <summary>
    /// The first rows or files left out under <see cref="MalformedRowHandling.Skip"/> (at most 100, in order, with their
    /// reason); empty otherwise. <see cref="SkippedCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<SkippedInput> Skipped { get; }

    /// <summary>How many rows or files were left out under <see cref="MalformedRowHandling.Skip"/>, all of them.</summary>
    public long SkippedCount { get; }

    /// <summary>The splits present in the source.</summary>
    public IReadOnlyCollection<Fer2013Split> Splits => _splits.Keys.ToArray();

    /// <summary>The Training split.</summary>
    /// <exception cref="FerDataException">The source has no Training rows.</exception>
    public TSplit Training => this[Fer2013Split.Training];

    /// <summary>The PublicTest split.</summary>
    /// <exception cref="FerDataException">The source has no PublicTest rows.</exception>
    public TSplit PublicTest => this[Fer2013Split.PublicTest];

    /// <summary>The PrivateTest split.</summary>
    /// <exception cref="FerDataException">The source has no PrivateTest rows.</exception>
    public TSplit PrivateTest => this[Fer2013Split.PrivateTest];

    /// <summary>One split.</summary>
    /// <param name="split">The split.</param>
    /// <exception cref="FerDataException">The source has no rows of that split.</exception>
    public TSplit this[Fer2013Split split] =>
        _splits.TryGetValue(split, out var faces)
            ? faces
            : throw new FerDataException($"{Source} has no {split} faces; it has: {string.Join(", ", _splits.Keys)}.") { Input = Source };

    /// <summary>Whether the source has faces of <paramref name="split"/>.</summary>
    /// <param name="split">The split.</param>
    public bool Contains(Fer2013Split split) => _splits.ContainsKey(split);
}
