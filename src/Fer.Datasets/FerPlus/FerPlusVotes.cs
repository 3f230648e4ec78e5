using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// FER+ faces with their raw crowd votes: 48x48 grayscale pixels and, per face, ten vote counts (the eight emotions of
/// <see cref="ClassNames.FerPlus"/>, unknown and not a face; ten taggers, so each count is in [0, 10] and they sum to
/// at most 10). Immutable. Turn them into training or test faces with <see cref="Select"/>.
/// </summary>
public sealed class FerPlusVotes
{
    private readonly byte[] _pixels;
    private readonly byte[] _votes;
    private readonly int[] _rows;

    internal FerPlusVotes(byte[] pixels, byte[] votes, int[] rows, string source)
    {
        _pixels = pixels;
        _votes = votes;
        _rows = rows;
        Source = source;
    }

    /// <summary>The vote columns in order, as in Microsoft's <c>fer2013new.csv</c>.</summary>
    public static IReadOnlyList<string> VoteColumns { get; } =
        Array.AsReadOnly(["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt", "unknown", "NF"]);

    /// <summary>The number of faces.</summary>
    public int Count => _rows.Length;

    /// <summary>Where the faces came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The pixels of face <paramref name="index"/>: 48x48, row-major, 0–255.</summary>
    /// <param name="index">Zero-based face index.</param>
    public ReadOnlySpan<byte> GetPixels(int index) => _pixels.AsSpan(Check(index) * ImageShape.Fer2013.PixelCount, ImageShape.Fer2013.PixelCount);

    /// <summary>The ten vote counts of face <paramref name="index"/>, in <see cref="VoteColumns"/> order.</summary>
    /// <param name="index">Zero-based face index.</param>
    public ReadOnlySpan<byte> GetVotes(int index) => _votes.AsSpan(Check(index) * FerPlusRules.Columns, FerPlusRules.Columns);

    /// <summary>The face's data row in its source (0-based, header and empty lines not counted: the row of <c>fer2013new.csv</c>, or of the split's <c>label.csv</c>), to trace it back.</summary>
    /// <param name="index">Zero-based face index.</param>
    public int GetSourceRow(int index) => _rows[Check(index)];

    /// <summary>
    /// Applies FER+'s rules in <paramref name="mode"/>: the faces kept, with targets over the eight emotions, and how
    /// many were left out and why.
    /// </summary>
    /// <param name="mode">How votes become targets; <see cref="FerPlusLabelMode.Majority"/> for evaluation.</param>
    public FerPlusSelection Select(FerPlusLabelMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a FER+ label mode");
        }

        var excluded = Enum.GetValues<FerPlusExclusion>().ToDictionary(e => e, _ => 0);
        var kept = new List<int>(Count);
        var targets = new List<float>(Count * FerPlusRules.Emotions);
        Span<float> target = stackalloc float[FerPlusRules.Emotions];
        for (var i = 0; i < Count; i++)
        {
            if (FerPlusRules.Apply(GetVotes(i), mode, target) is { } reason)
            {
                excluded[reason]++;
                continue;
            }

            kept.Add(i);
            foreach (var share in target)
            {
                targets.Add(share);
            }
        }

        return new FerPlusSelection(mode, kept.Count == 0 ? null : ToFaces(kept, [.. targets], mode), Count, excluded);
    }

    /// <summary>
    /// Splits the faces into two with the same proportions of their most voted class (over all ten columns): within
    /// each class the faces are shuffled with <paramref name="seed"/> and <paramref name="fraction"/> of them go to the
    /// second part, as <see cref="LabeledFaces.SplitStratified"/> does. Split first, then <see cref="Select"/> each
    /// part in its mode (e.g. cross-entropy for training, majority for validation).
    /// </summary>
    /// <param name="fraction">Share of each class that goes to the second part, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle; the same seed gives the same split.</param>
    /// <returns>The remaining faces (Train) and the split-off faces (Validation).</returns>
    public (FerPlusVotes Train, FerPlusVotes Validation) SplitStratified(double fraction, int seed = 42)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction must be in (0, 1), but was {fraction}.");
        }

        var strata = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var votes = GetVotes(i);
            for (var k = 1; k < FerPlusRules.Columns; k++)
            {
                strata[i] = votes[k] > votes[strata[i]] ? k : strata[i];
            }
        }

        var (train, validation) = StratifiedSplit.Indices(strata, FerPlusRules.Columns, fraction, seed);
        if (validation.Length == 0)
        {
            throw new FerDataException($"{Source}: a stratified split of {Count} faces with fraction {fraction} leaves the second part empty.") { Input = Source };
        }

        return (Subset(train), Subset(validation));
    }

    /// <summary>A new set with the faces at <paramref name="indices"/>, in that order.</summary>
    /// <param name="indices">Zero-based face indices; may repeat.</param>
    /// <exception cref="FerDataException">No index was given.</exception>
    public FerPlusVotes Subset(IEnumerable<int> indices)
    {
        Guard.NotNull(indices);
        var selected = indices.ToArray();
        if (selected.Length == 0)
        {
            throw new FerDataException($"{Source}: a subset needs at least one face.") { Input = Source };
        }

        var size = ImageShape.Fer2013.PixelCount;
        var pixels = new byte[(long)selected.Length * size];
        var votes = new byte[selected.Length * FerPlusRules.Columns];
        var rows = new int[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            GetPixels(selected[i]).CopyTo(pixels.AsSpan(i * size, size));
            GetVotes(selected[i]).CopyTo(votes.AsSpan(i * FerPlusRules.Columns, FerPlusRules.Columns));
            rows[i] = _rows[selected[i]];
        }

        return new FerPlusVotes(pixels, votes, rows, Source);
    }

    private LabeledFaces ToFaces(List<int> kept, float[] targets, FerPlusLabelMode mode)
    {
        var size = ImageShape.Fer2013.PixelCount;
        var pixels = new byte[(long)kept.Count * size];
        for (var i = 0; i < kept.Count; i++)
        {
            GetPixels(kept[i]).CopyTo(pixels.AsSpan(i * size, size));
        }

        var source = $"{Source} (FER+ {mode.ToString().ToLowerInvariant()})";
        return mode switch
        {
            FerPlusLabelMode.Majority => LabeledFaces.WithDistributions(pixels, targets, TargetKind.Distribution, ImageShape.Fer2013, ClassNames.FerPlus, source).AsLabels(),
            FerPlusLabelMode.Probability => LabeledFaces.WithDistributions(pixels, targets, TargetKind.DrawnLabel, ImageShape.Fer2013, ClassNames.FerPlus, source),
            FerPlusLabelMode.CrossEntropy => LabeledFaces.WithDistributions(pixels, targets, TargetKind.Distribution, ImageShape.Fer2013, ClassNames.FerPlus, source),
            _ => LabeledFaces.WithDistributions(pixels, targets, TargetKind.AnyOfLabels, ImageShape.Fer2013, ClassNames.FerPlus, source),
        };
    }

    private int Check(int index)
        => (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}), but was {index}.");
}
