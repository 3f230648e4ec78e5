using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>Mirrors each image left-right with probability p.</summary>
internal sealed record HorizontalFlip(double Probability) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var flip = rand([images.shape[0], 1, 1, 1], generator: random, device: images.device).LessThan(Probability);
        return (where(flip, images.flip(3), images), targets);
    }

    public string Describe() => FormattableString.Invariant($"HorizontalFlip(p={Probability})");
}
