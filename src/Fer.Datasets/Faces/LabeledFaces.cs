using Fer.Internal;
using NumSharp;

namespace Fer.Datasets;

/// <summary>
/// An immutable, in-memory set of labelled face images: 0–255 pixels stored as bytes
/// (channels first, row-major), one label per image, and the class names the labels index.
/// Create one with the <c>From…</c> methods or load one with <see cref="Fer2013"/>.
/// </summary>
public sealed partial class LabeledFaces
{
    private readonly byte[] _pixels;
    private readonly int[] _labels;

    private LabeledFaces(byte[] pixels, int[] labels, ImageShape shape, IReadOnlyList<string> classNames, string source, float[]? targets = null, TargetKind targetKind = TargetKind.Label)
    {
        _pixels = pixels;
        _labels = labels;
        _targets = targets;
        TargetKind = targetKind;
        Shape = shape;
        ClassNames = classNames;
        Source = source;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>The shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>The class names; a label is an index into this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Where the images came from (a path, or a description), for messages.</summary>
    public string Source { get; }

    /// <summary>The label of every image, in order.</summary>
    public IReadOnlyList<int> Labels => _labels;

    internal ReadOnlySpan<byte> PixelSpan => _pixels;

    internal ReadOnlySpan<int> LabelSpan => _labels;

    /// <summary>The pixels of image <paramref name="index"/>, channels first, row-major, 0–255.</summary>
    /// <param name="index">Zero-based image index.</param>
    public ReadOnlySpan<byte> GetPixels(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}), but was {index}.");
        }

        return _pixels.AsSpan(index * Shape.PixelCount, Shape.PixelCount);
    }

    /// <summary>Creates a set from 0–255 pixels.</summary>
    /// <param name="pixels">All images, one after another, each channels first and row-major.</param>
    /// <param name="labels">One label per image, each in [0, number of classes).</param>
    /// <param name="shape">The shape of one image; FER2013's (1, 48, 48) when omitted.</param>
    /// <param name="classNames">The class names; FER2013's seven when omitted.</param>
    /// <exception cref="FerDataException">The pixel count does not match the labels and shape, or a label is out of range.</exception>
    public static LabeledFaces FromPixels(ReadOnlySpan<byte> pixels, ReadOnlySpan<int> labels, ImageShape? shape = null, IReadOnlyList<string>? classNames = null)
        => Create(pixels.ToArray(), labels.ToArray(), shape, classNames, "pixels");

    /// <summary>Creates a set from pixels scaled to [0, 1] (rounded to the nearest of 256 levels).</summary>
    /// <param name="pixels">All images, one after another, each channels first and row-major, each value in [0, 1].</param>
    /// <param name="labels">One label per image, each in [0, number of classes).</param>
    /// <param name="shape">The shape of one image; FER2013's (1, 48, 48) when omitted.</param>
    /// <param name="classNames">The class names; FER2013's seven when omitted.</param>
    /// <exception cref="FerDataException">A value is outside [0, 1] or not a number, the pixel count does not match, or a label is out of range.</exception>
    public static LabeledFaces FromPixels(ReadOnlySpan<float> pixels, ReadOnlySpan<int> labels, ImageShape? shape = null, IReadOnlyList<string>? classNames = null)
        => Create(UnitPixels.ToBytes(pixels, "pixels"), labels.ToArray(), shape, classNames, "pixels");

    /// <summary>
    /// Creates a set from NumSharp arrays: images of shape (N, H, W), (N, C, H, W) or (N, H×W), either
    /// bytes 0–255 or floats/doubles in [0, 1]; labels of shape (N) holding integers.
    /// </summary>
    /// <param name="images">The images.</param>
    /// <param name="labels">The labels.</param>
    /// <param name="shape">The shape of one image; inferred from <paramref name="images"/> when omitted ((N, H×W) needs it unless H×W is 2304).</param>
    /// <param name="classNames">The class names; FER2013's seven when omitted.</param>
    /// <exception cref="FerDataException">The arrays' shapes or values do not fit.</exception>
    public static LabeledFaces FromNDArray(NDArray images, NDArray labels, ImageShape? shape = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        var (pixels, inferred) = PixelConversion.FromNDArray(images, shape, "images");
        if (labels.ndim != 1)
        {
            throw new FerDataException($"labels must be a 1-D array of N integers, but has shape ({string.Join(", ", labels.shape)}).") { Input = "labels" };
        }

        var labelValues = new int[labels.size];
        for (var i = 0; i < labelValues.Length; i++)
        {
            var value = Convert.ToDouble(labels.GetAtIndex(i), System.Globalization.CultureInfo.InvariantCulture);
            if (value != Math.Floor(value))
            {
                throw new FerDataException($"labels[{i}] is {value}, which is not a whole number.") { Input = "labels" };
            }

            labelValues[i] = checked((int)value);
        }

        return Create(pixels, labelValues, inferred, classNames, "NDArray");
    }

    internal static LabeledFaces Create(byte[] pixels, int[] labels, ImageShape? shape, IReadOnlyList<string>? classNames, string source)
        => Create(pixels, labels, shape, classNames, source, null, TargetKind.Label);

    /// <summary>Checks and wraps the arrays (not copied); <paramref name="targets"/> holds one distribution per image, or is null for <see cref="TargetKind.Label"/>.</summary>
    internal static LabeledFaces Create(byte[] pixels, int[] labels, ImageShape? shape, IReadOnlyList<string>? classNames, string source, float[]? targets, TargetKind targetKind)
    {
        var imageShape = shape ?? ImageShape.Fer2013;
        ModelInputChecks.Shape(imageShape, nameof(shape));
        var names = ModelInputChecks.ClassNameList(classNames, nameof(classNames));
        if (labels.Length == 0)
        {
            throw new FerDataException($"The data set from {source} is empty: it has no images.") { Input = source };
        }

        if ((long)labels.Length * imageShape.PixelCount != pixels.Length)
        {
            throw new FerDataException(
                $"{source}: {labels.Length} labels of images shaped {imageShape} need {(long)labels.Length * imageShape.PixelCount} pixel values, but {pixels.Length} were given.")
            { Input = source };
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)names.Count)
            {
                throw new FerDataException($"{source}: label {labels[i]} of image {i} is outside [0, {names.Count - 1}] for the classes {string.Join(", ", names)}.") { Input = source };
            }
        }

        CheckTargets(targets, targetKind, labels.Length, names, source);
        return new LabeledFaces(pixels, labels, imageShape, names, source, targets, targetKind);
    }
}
