using Fer.Datasets.Augmentation;
using Fer.Internal;

namespace Fer.Datasets;

/// <summary>The fluent steps of <see cref="AugmentationPipeline"/>. All work on [0, 1] pixels before normalisation.</summary>
public sealed partial class AugmentationPipeline
{
    /// <summary>Mirrors images left-right.</summary>
    /// <param name="p">Probability per image.</param>
    public AugmentationPipeline HorizontalFlip(double p = 0.5) => Add(new HorizontalFlip(Guard.Probability(p)));

    /// <summary>Pads by <paramref name="padding"/> pixels and cuts a random <paramref name="size"/>-pixel square: a random shift when the size is the input size, a random crop when smaller (the model's input must then be that size).</summary>
    /// <param name="size">Side of the output.</param>
    /// <param name="padding">Zero pixels added on each side first.</param>
    public AugmentationPipeline RandomCrop(int size, int padding = 0) => Add(new RandomCrop(Guard.Positive(size), Guard.NotNegative(padding)));

    /// <summary>Random rotation, translation, zoom and shear, combined into one affine resample per image.</summary>
    /// <param name="degrees">Largest rotation either way.</param>
    /// <param name="translate">Largest shift either way, as a share of the image size.</param>
    /// <param name="scale">Zoom range; (1, 1) for none.</param>
    /// <param name="shear">Largest shear angle either way, in degrees.</param>
    public AugmentationPipeline RandomAffine(double degrees = 10, double translate = 0, (double Min, double Max)? scale = null, double shear = 0)
    {
        var (min, max) = scale ?? (1, 1);
        if (!(min > 0 && max >= min && double.IsFinite(max)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be (min, max) with 0 < min <= max, but was ({min}, {max}).");
        }

        return Add(new RandomAffine(Guard.InRange(degrees, 0, 180), Guard.InRange(translate, 0, 0.5), min, max, Guard.InRange(shear, 0, 60)));
    }

    /// <summary>Random brightness, contrast and gamma per image.</summary>
    /// <param name="brightness">Largest brightness change either way (added to [0, 1] pixels).</param>
    /// <param name="contrast">Largest relative contrast change either way.</param>
    /// <param name="gamma">Largest log-gamma change either way.</param>
    public AugmentationPipeline ColorJitter(double brightness = 0.2, double contrast = 0.2, double gamma = 0)
        => Add(new ColorJitter(Guard.InRange(brightness, 0, 1), Guard.InRange(contrast, 0, 1), Guard.InRange(gamma, 0, 2)));

    /// <summary>Adds Gaussian noise.</summary>
    /// <param name="standardDeviation">Of the noise, on [0, 1] pixels.</param>
    /// <param name="p">Probability per image.</param>
    public AugmentationPipeline GaussianNoise(double standardDeviation = 0.02, double p = 0.5)
        => Add(new GaussianNoise(Guard.InRange(standardDeviation, 0, 1), Guard.Probability(p)));

    /// <summary>Random erasing: fills one random rectangle per image.</summary>
    /// <param name="p">Probability per image.</param>
    /// <param name="area">Share of the image erased, (min, max).</param>
    /// <param name="value">Fill value in [0, 1].</param>
    public AugmentationPipeline RandomErasing(double p = 0.5, (double Min, double Max)? area = null, double value = 0)
    {
        var (min, max) = area ?? (0.02, 0.25);
        if (!(min > 0 && max >= min && max <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(area), area, $"area must be (min, max) with 0 < min <= max <= 1, but was ({min}, {max}).");
        }

        return Add(new RandomErasing(Guard.Probability(p), min, max, (float)Guard.Probability(value)));
    }

    /// <summary>Mixup: blends images and their labels with a shuffled copy of the batch.</summary>
    /// <param name="alpha">Beta distribution parameter; 0.2 is common.</param>
    /// <param name="p">Probability per batch.</param>
    public AugmentationPipeline Mixup(double alpha = 0.2, double p = 1) => Add(new Mixup(Guard.Positive(alpha), Guard.Probability(p)));

    /// <summary>CutMix: pastes a rectangle of a shuffled copy of the batch and mixes labels by area.</summary>
    /// <param name="alpha">Beta distribution parameter; 1 is common.</param>
    /// <param name="p">Probability per batch.</param>
    public AugmentationPipeline CutMix(double alpha = 1, double p = 0.5) => Add(new CutMix(Guard.Positive(alpha), Guard.Probability(p)));
}
