using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// CutMix (Yun et al.): with probability p, pastes a rectangle of a shuffled copy of the batch into each image
/// (area share 1 − λ, λ ~ Beta(α, α)) and mixes the soft labels by the pasted area actually used.
/// </summary>
internal sealed record CutMix(double Alpha, double Probability) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var (draws, permutation) = RandomDraws.MixingPartners(images, random);
        if (draws.NextDouble() >= Probability)
        {
            return (images, targets);
        }

        var (height, width) = (images.shape[2], images.shape[3]);
        var lambda = RandomDraws.Beta(draws, Alpha);
        var cut = Math.Sqrt(1 - lambda);
        var (h, w) = ((long)(height * cut), (long)(width * cut));
        var (cy, cx) = (draws.NextInt64(height), draws.NextInt64(width));
        var (top, bottom) = (Math.Clamp(cy - (h / 2), 0, height), Math.Clamp(cy + (h / 2), 0, height));
        var (left, right) = (Math.Clamp(cx - (w / 2), 0, width), Math.Clamp(cx + (w / 2), 0, width));
        var mixed = images.clone();
        var region = (TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(top, bottom), TensorIndex.Slice(left, right));
        mixed[region.Item1, region.Item2, region.Item3, region.Item4] = images.index_select(0, permutation)[region.Item1, region.Item2, region.Item3, region.Item4];
        var kept = 1 - ((double)(bottom - top) * (right - left) / (height * width));
        return (mixed, targets.Times(kept).Plus(targets.index_select(0, permutation).Times(1 - kept)));
    }

    public string Describe() => FormattableString.Invariant($"CutMix(alpha={Alpha}, p={Probability})");
}
