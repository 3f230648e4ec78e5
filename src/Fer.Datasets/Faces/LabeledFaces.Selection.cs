using Fer.Internal;

namespace Fer.Datasets;

/// <summary>Subsets, splits and class statistics of <see cref="LabeledFaces"/>.</summary>
public sealed partial class LabeledFaces
{
    /// <summary>The number of images of each class, indexed by label.</summary>
    public IReadOnlyList<int> CountPerClass()
    {
        var counts = new int[ClassNames.Count];
        foreach (var label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>A new set with the images at <paramref name="indices"/>, in that order.</summary>
    /// <param name="indices">Zero-based image indices; may repeat.</param>
    /// <exception cref="FerDataException">No index was given.</exception>
    public LabeledFaces Subset(IEnumerable<int> indices)
    {
        Guard.NotNull(indices);
        var selected = indices.ToArray();
        var size = Shape.PixelCount;
        var classes = ClassNames.Count;
        var pixels = new byte[(long)selected.Length * size];
        var labels = new int[selected.Length];
        var targets = _targets is null ? null : new float[(long)selected.Length * classes];
        for (var i = 0; i < selected.Length; i++)
        {
            GetPixels(selected[i]).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = _labels[selected[i]];
            _targets?.AsSpan(selected[i] * classes, classes).CopyTo(targets.AsSpan(i * classes, classes));
        }

        return Create(pixels, labels, Shape, ClassNames, Source, targets, TargetKind);
    }

    /// <summary>
    /// Splits the set into two with the same class proportions: within each class the images are
    /// shuffled with <paramref name="seed"/> and <paramref name="fraction"/> of them (rounded, at least
    /// one where the class has two or more) go to the second part.
    /// </summary>
    /// <param name="fraction">Share of each class that goes to the second part, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle; the same seed gives the same split.</param>
    /// <returns>The remaining images (Train) and the split-off images (Validation).</returns>
    public (LabeledFaces Train, LabeledFaces Validation) SplitStratified(double fraction, int seed = 42)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction must be in (0, 1), but was {fraction}.");
        }

        var (train, validation) = StratifiedSplit.Indices(_labels, ClassNames.Count, fraction, seed);
        if (validation.Length == 0)
        {
            throw new FerDataException($"{Source}: a stratified split of {Count} images with fraction {fraction} leaves the second part empty.") { Input = Source };
        }

        return (Subset(train), Subset(validation));
    }

    /// <summary>
    /// A seeded, stratified sample of about <paramref name="count"/> images (each class in its share,
    /// at least one image of every class that has any).
    /// </summary>
    /// <param name="count">How many images to keep; at most <see cref="Count"/>.</param>
    /// <param name="seed">Seed of the choice.</param>
    public LabeledFaces SampleStratified(int count, int seed = 42)
    {
        Guard.Positive(count);
        if (count >= Count)
        {
            return this;
        }

        var random = new Random(seed);
        var chosen = new List<int>();
        foreach (var classIndices in IndicesPerClass())
        {
            if (classIndices.Length == 0)
            {
                continue;
            }

            random.Shuffle(classIndices);
            var take = Math.Max(1, (int)Math.Round((double)classIndices.Length * count / Count));
            chosen.AddRange(classIndices.Take(take));
        }

        chosen.Sort();
        return Subset(chosen);
    }

    /// <summary>A new set holding the images of this set followed by those of <paramref name="other"/>.</summary>
    /// <param name="other">A set with the same image shape and class names.</param>
    public LabeledFaces Concat(LabeledFaces other)
    {
        Guard.NotNull(other);
        if (other.Shape != Shape || !other.ClassNames.SequenceEqual(ClassNames))
        {
            throw new FerDataException($"Cannot concatenate {Source} (shape {Shape}, classes {string.Join(",", ClassNames)}) with {other.Source} (shape {other.Shape}, classes {string.Join(",", other.ClassNames)}).");
        }

        if (other.TargetKind != TargetKind)
        {
            throw new FerDataException($"Cannot concatenate {Source} (targets: {TargetKind}) with {other.Source} (targets: {other.TargetKind}): their training targets differ in kind.");
        }

        float[]? targets = _targets is null ? null : [.. _targets, .. other._targets!];
        return Create([.. _pixels, .. other._pixels], [.. _labels, .. other._labels], Shape, ClassNames, $"{Source}+{other.Source}", targets, TargetKind);
    }

    private int[][] IndicesPerClass()
    {
        var perClass = Enumerable.Range(0, ClassNames.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _labels.Length; i++)
        {
            perClass[_labels[i]].Add(i);
        }

        return perClass.Select(l => l.ToArray()).ToArray();
    }
}
