using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

/// <summary>The one test-time geometry both engines use, against LibTorch's own crop, resize and flip.</summary>
public sealed class PixelCopiesTests
{
    [Fact]
    public void Ten_crop_equals_libtorch_crops_resized_bilinearly_and_their_mirrors()
    {
        using var scope = NewDisposeScope();
        var shape = ImageShape.Fer2013;
        var random = new Random(3);
        var pixels = new byte[shape.PixelCount];
        random.NextBytes(pixels);
        var copies = new float[10 * shape.PixelCount];
        PixelCopies.Write(pixels, shape, TestTimeAugmentation.TenCrop, copies);

        // The reference: LibTorch's interpolate (bilinear, no corner alignment) of each 90% window, then the mirrors.
        var image = tensor(pixels.Select(p => (float)p).ToArray(), [1, 1, 48, 48]);
        (long Top, long Left)[] corners = [(0, 0), (0, 5), (5, 0), (5, 5), (2, 2)];
        var crops = corners.Select(c => nn.functional.interpolate(
            image[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(c.Top, c.Top + 43), TensorIndex.Slice(c.Left, c.Left + 43)],
            [48, 48], mode: InterpolationMode.Bilinear, align_corners: false)).ToList();
        crops.AddRange(crops.Select(c => c.flip(3)).ToList());
        var expected = cat(crops, 0).flatten().data<float>().ToArray();

        Assert.Equal(expected.Length, copies.Length);
        Assert.True(expected.Zip(copies).Max(p => Math.Abs(p.First - p.Second)) < 1e-3f);
    }

    [Fact]
    public void Flip_is_the_image_and_its_mirror_and_none_is_the_image()
    {
        var shape = new ImageShape(1, 2, 3);
        byte[] pixels = [1, 2, 3, 4, 5, 6];
        var flip = new float[12];
        PixelCopies.Write(pixels, shape, TestTimeAugmentation.HorizontalFlip, flip);
        Assert.Equal([1f, 2, 3, 4, 5, 6, 3, 2, 1, 6, 5, 4], flip);

        var none = new float[6];
        PixelCopies.Write(pixels, shape, TestTimeAugmentation.None, none);
        Assert.Equal([1f, 2, 3, 4, 5, 6], none);
        Assert.Equal([1, 2, 10], [PixelCopies.PerImage(TestTimeAugmentation.None), PixelCopies.PerImage(TestTimeAugmentation.HorizontalFlip), PixelCopies.PerImage(TestTimeAugmentation.TenCrop)]);
    }

    [Fact]
    public void Averages_each_images_adjacent_copies()
    {
        float[] rows = [0.2f, 0.8f, 0.4f, 0.6f, 1f, 0f, 0f, 1f];
        var averages = PixelCopies.Average(rows, images: 2, copies: 2, classes: 2);
        Assert.Equal(2, averages.Count);
        Assert.Equal([0.3f, 0.7f], averages[0], (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal([0.5f, 0.5f], averages[1], (a, b) => Math.Abs(a - b) < 1e-6f);
    }
}
