using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// Random erasing (Zhong et al.): with probability p, fills one rectangle of each image, covering a share in
/// [MinArea, MaxArea] of it with aspect ratio in [1/3, 3], with <see cref="Value"/>.
/// </summary>
internal sealed record RandomErasing(double Probability, double MinArea, double MaxArea, float Value) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var (n, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var draws = RandomDraws.Uniform(random, n, 5);
        var keep = new float[n * height * width];
        Array.Fill(keep, 1f);
        for (var i = 0; i < n; i++)
        {
            var d = draws.AsSpan(i * 5, 5);
            if (d[0] >= Probability)
            {
                continue;
            }

            var area = height * width * (MinArea + (d[1] * (MaxArea - MinArea)));
            var ratio = Math.Exp(Math.Log(1.0 / 3) + (d[2] * Math.Log(9)));
            var h = (int)Math.Min(height, Math.Round(Math.Sqrt(area * ratio)));
            var w = (int)Math.Min(width, Math.Round(Math.Sqrt(area / ratio)));
            var top = (int)(d[3] * (height - h + 1));
            var left = (int)(d[4] * (width - w + 1));
            for (var y = top; y < top + h; y++)
            {
                keep.AsSpan((int)((i * height * width) + (y * width) + left), w).Clear();
            }
        }

        var mask = tensor(keep, [n, 1, height, width]).to(images.device);
        return (images.mul(mask).Plus(mask.neg().Plus(1).Times(Value)), targets);
    }

    public string Describe() => FormattableString.Invariant($"RandomErasing(p={Probability}, area=({MinArea}, {MaxArea}), value={Value})");
}
