using Fer.Internal;

namespace Fer.Datasets;

/// <summary>Training targets that are distributions over the classes (FER+'s votes) rather than one label.</summary>
public sealed partial class LabeledFaces
{
    /// <summary>The largest difference from 1 accepted in the sum of a target distribution.</summary>
    private const float DistributionSumTolerance = 1e-3f;

    private readonly float[]? _targets;

    /// <summary>What the training target of each face is: <see cref="TargetKind.Label"/> unless the set was made from distributions.</summary>
    public TargetKind TargetKind { get; }

    /// <summary>Whether each face carries a distribution over the classes (<see cref="GetTarget"/>) besides its label.</summary>
    public bool HasDistributions => _targets is not null;

    internal ReadOnlySpan<float> TargetSpan => _targets;

    /// <summary>The training target of face <paramref name="index"/>: its distribution, or the one-hot of its label.</summary>
    /// <param name="index">Zero-based image index.</param>
    public float[] GetTarget(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}), but was {index}.");
        }

        var classes = ClassNames.Count;
        if (_targets is not null)
        {
            return _targets.AsSpan(index * classes, classes).ToArray();
        }

        var oneHot = new float[classes];
        oneHot[_labels[index]] = 1;
        return oneHot;
    }

    /// <summary>
    /// Creates a set whose training targets are distributions over the classes (e.g. the share of each emotion among a
    /// face's crowd votes). Each face's label, used for evaluation and stratified splits, is its distribution's most
    /// probable class (the first on a tie).
    /// </summary>
    /// <param name="pixels">All images, one after another, each channels first and row-major, 0–255.</param>
    /// <param name="distributions">One distribution per image: as many values as classes, each finite and ≥ 0, summing to 1.</param>
    /// <param name="kind">How training uses them: <see cref="TargetKind.Distribution"/>, <see cref="TargetKind.DrawnLabel"/> or <see cref="TargetKind.AnyOfLabels"/>.</param>
    /// <param name="shape">The shape of one image; FER2013's (1, 48, 48) when omitted.</param>
    /// <param name="classNames">The class names; FER2013's seven when omitted.</param>
    /// <exception cref="FerDataException">The counts do not match, or a distribution is negative, not finite or does not sum to 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="TargetKind.Label"/> (use <see cref="FromPixels(ReadOnlySpan{byte}, ReadOnlySpan{int}, ImageShape?, IReadOnlyList{string}?)"/>).</exception>
    public static LabeledFaces FromDistributions(ReadOnlySpan<byte> pixels, ReadOnlySpan<float> distributions, TargetKind kind, ImageShape? shape = null, IReadOnlyList<string>? classNames = null)
    {
        if (kind == TargetKind.Label || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"kind must be Distribution, DrawnLabel or AnyOfLabels for distributions, but was {kind}.", nameof(kind));
        }

        var classes = ModelInputChecks.ClassNameList(classNames, nameof(classNames)).Count;
        if (distributions.Length % classes != 0)
        {
            throw new FerDataException($"distributions: {distributions.Length} values are not a whole number of distributions over {classes} classes.") { Input = "distributions" };
        }

        return WithDistributions(pixels.ToArray(), distributions.ToArray(), kind, shape, classNames, "distributions");
    }

    /// <summary>Wraps the arrays (not copied) with labels taken as each distribution's most probable class.</summary>
    internal static LabeledFaces WithDistributions(byte[] pixels, float[] distributions, TargetKind kind, ImageShape? shape, IReadOnlyList<string>? classNames, string source)
    {
        var classes = ModelInputChecks.ClassNameList(classNames, nameof(classNames)).Count;
        var labels = new int[distributions.Length / classes];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = distributions.AsSpan(i * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++)
            {
                best = row[k] > row[best] ? k : best;
            }

            labels[i] = best;
        }

        return Create(pixels, labels, shape, classNames, source, distributions, kind);
    }

    /// <summary>The same faces and labels learned as one-hot labels: the distributions dropped.</summary>
    internal LabeledFaces AsLabels() => new(_pixels, _labels, Shape, ClassNames, Source);

    private static void CheckTargets(float[]? targets, TargetKind kind, int count, IReadOnlyList<string> names, string source)
    {
        if (targets is null)
        {
            if (kind != TargetKind.Label)
            {
                throw new ArgumentException($"{source}: targets of kind {kind} need a distribution per image.", nameof(targets));
            }

            return;
        }

        if ((long)count * names.Count != targets.Length)
        {
            throw new FerDataException($"{source}: {count} images over {names.Count} classes need {(long)count * names.Count} target values, but {targets.Length} were given.") { Input = source };
        }

        for (var i = 0; i < count; i++)
        {
            var row = targets.AsSpan(i * names.Count, names.Count);
            var sum = 0f;
            foreach (var value in row)
            {
                if (!(value >= 0 && float.IsFinite(value)))
                {
                    throw new FerDataException($"{source}: the target of image {i} holds {value}; every share must be a finite number >= 0.") { Input = source };
                }

                sum += value;
            }

            if (Math.Abs(sum - 1) > DistributionSumTolerance)
            {
                throw new FerDataException($"{source}: the target of image {i} sums to {sum}, not 1 (a distribution over {string.Join(", ", names)}).") { Input = source };
            }
        }
    }
}
