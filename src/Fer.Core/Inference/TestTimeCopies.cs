using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Builds the copies that <see cref="TestTimeAugmentation"/> averages over.</summary>
internal static class TestTimeCopies
{
    public static int CopiesPerImage(TestTimeAugmentation mode) => mode switch
    {
        TestTimeAugmentation.HorizontalFlip => 2,
        TestTimeAugmentation.TenCrop => 10,
        _ => 1,
    };

    /// <summary>(N, C, H, W) to (N × copies, C, H, W), copies of one image adjacent.</summary>
    public static Tensor Expand(Tensor images, TestTimeAugmentation mode)
    {
        switch (mode)
        {
            case TestTimeAugmentation.HorizontalFlip:
                return stack([images, images.flip(3)], 1).flatten(0, 1);
            case TestTimeAugmentation.TenCrop:
                var (height, width) = (images.shape[2], images.shape[3]);
                var (h, w) = ((long)Math.Round(height * 0.9), (long)Math.Round(width * 0.9));
                (long Top, long Left)[] corners = [(0, 0), (0, width - w), (height - h, 0), (height - h, width - w), ((height - h) / 2, (width - w) / 2)];
                var crops = corners
                    .Select(c => nn.functional.interpolate(images[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(c.Top, c.Top + h), TensorIndex.Slice(c.Left, c.Left + w)], [height, width], mode: InterpolationMode.Bilinear, align_corners: false))
                    .ToList();
                crops.AddRange(crops.Select(c => c.flip(3)).ToList());
                return stack(crops, 1).flatten(0, 1);
            default:
                return images;
        }
    }

    /// <summary>Averages (N × copies, K) probabilities back to (N, K).</summary>
    public static Tensor Average(Tensor probabilities, TestTimeAugmentation mode)
    {
        var copies = CopiesPerImage(mode);
        return copies == 1 ? probabilities : probabilities.view(-1, copies, probabilities.shape[1]).mean([1]);
    }
}
