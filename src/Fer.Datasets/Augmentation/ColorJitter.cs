using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// Random brightness (added), contrast (scaled about the image mean) and gamma (power) per image, on [0, 1]
/// pixels, clamped back to [0, 1]. Each amount is the largest change either way.
/// </summary>
internal sealed record ColorJitter(double Brightness, double Contrast, double Gamma) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var n = images.shape[0];
        var draws = rand([n, 3, 1, 1], generator: random, device: images.device).Times(2).Minus(1);
        var brightness = draws[TensorIndex.Colon, 0].unsqueeze(1).Times(Brightness);
        var contrast = draws[TensorIndex.Colon, 1].unsqueeze(1).Times(Contrast).Plus(1);
        var gamma = draws[TensorIndex.Colon, 2].unsqueeze(1).Times(Gamma).exp();
        var mean = images.mean([1, 2, 3], keepdim: true);
        var result = images.Plus(brightness);
        result = result.sub(mean).mul(contrast).Plus(mean).ClampTo(0, 1);
        result = result.pow(gamma);
        return (result, targets);
    }

    public string Describe() => FormattableString.Invariant($"ColorJitter(brightness={Brightness}, contrast={Contrast}, gamma={Gamma})");
}
