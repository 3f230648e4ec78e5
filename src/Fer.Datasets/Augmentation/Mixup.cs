using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// Mixup (Zhang et al.): with probability p, blends the batch with a shuffled copy of itself,
/// <c>λ·x + (1 − λ)·x[perm]</c> with λ ~ Beta(α, α), and blends the soft labels the same way.
/// </summary>
internal sealed record Mixup(double Alpha, double Probability) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var (draws, permutation) = RandomDraws.MixingPartners(images, random);
        if (draws.NextDouble() >= Probability)
        {
            return (images, targets);
        }

        var lambda = RandomDraws.Beta(draws, Alpha);
        return (images.Times(lambda).Plus(images.index_select(0, permutation).Times(1 - lambda)),
                targets.Times(lambda).Plus(targets.index_select(0, permutation).Times(1 - lambda)));
    }

    public string Describe() => FormattableString.Invariant($"Mixup(alpha={Alpha}, p={Probability})");
}
