using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>Adds zero-mean Gaussian noise of standard deviation <see cref="StandardDeviation"/> (on [0, 1] pixels) to each image with probability p, clamped to [0, 1].</summary>
internal sealed record GaussianNoise(double StandardDeviation, double Probability) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var noise = randn(images.shape, generator: random, device: images.device).Times(StandardDeviation);
        var apply = rand([images.shape[0], 1, 1, 1], generator: random, device: images.device).LessThan(Probability);
        return (where(apply, images.Plus(noise).ClampTo(0, 1), images), targets);
    }

    public string Describe() => FormattableString.Invariant($"GaussianNoise(std={StandardDeviation}, p={Probability})");
}
