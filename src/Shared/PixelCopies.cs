namespace Fer.Internal;

/// <summary>
/// The one geometry of <see cref="TestTimeAugmentation"/>, for both engines: the copies of an image made from its
/// 0–255 pixels as float pixel values (the image, its mirror, or ten crops: four corners and the centre at 90% of the
/// side, resized back bilinearly with half-pixel centres as LibTorch's interpolation without corner alignment does,
/// and their mirrors), and the average of the copies' probabilities. Normalisation comes afterwards (Fer.Core's
/// model input, the ONNX graph's first nodes), which commutes with the affine resampling.
/// </summary>
internal static class PixelCopies
{
    public static int PerImage(TestTimeAugmentation mode) => mode switch
    {
        TestTimeAugmentation.HorizontalFlip => 2,
        TestTimeAugmentation.TenCrop => 10,
        _ => 1,
    };

    /// <summary>Writes the copies of one (C, H, W) image into <paramref name="target"/>, copy after copy.</summary>
    public static void Write(ReadOnlySpan<byte> image, ImageShape shape, TestTimeAugmentation mode, Span<float> target)
    {
        var size = shape.PixelCount;
        switch (mode)
        {
            case TestTimeAugmentation.HorizontalFlip:
                Copy(image, target[..size]);
                Mirror(target[..size], shape, target.Slice(size, size));
                break;
            case TestTimeAugmentation.TenCrop:
                var (height, width) = (shape.Height, shape.Width);
                var (h, w) = ((int)Math.Round(height * 0.9), (int)Math.Round(width * 0.9));
                (int Top, int Left)[] corners = [(0, 0), (0, width - w), (height - h, 0), (height - h, width - w), ((height - h) / 2, (width - w) / 2)];
                for (var i = 0; i < corners.Length; i++)
                {
                    ResizeCrop(image, shape, corners[i].Top, corners[i].Left, h, w, target.Slice(i * size, size));
                    Mirror(target.Slice(i * size, size), shape, target.Slice((i + corners.Length) * size, size));
                }

                break;
            default:
                Copy(image, target[..size]);
                break;
        }
    }

    private static void Copy(ReadOnlySpan<byte> image, Span<float> target)
    {
        for (var i = 0; i < image.Length; i++)
        {
            target[i] = image[i];
        }
    }

    private static void Mirror(ReadOnlySpan<float> image, ImageShape shape, Span<float> target)
    {
        var width = shape.Width;
        for (var row = 0; row < shape.Channels * shape.Height; row++)
        {
            var source = image.Slice(row * width, width);
            var destination = target.Slice(row * width, width);
            for (var x = 0; x < width; x++)
            {
                destination[x] = source[width - 1 - x];
            }
        }
    }

    /// <summary>
    /// The (h, w) window at (top, left) resized to the full image size as LibTorch's bilinear interpolation without
    /// corner alignment does: source coordinate <c>(d + 0.5) · in/out − 0.5</c>, clamped at 0.
    /// </summary>
    private static void ResizeCrop(ReadOnlySpan<byte> image, ImageShape shape, int top, int left, int h, int w, Span<float> target)
    {
        var (height, width) = (shape.Height, shape.Width);
        var rows = Taps(h, height);
        var columns = Taps(w, width);
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = image.Slice(c * height * width, height * width);
            var output = target.Slice(c * height * width, height * width);
            for (var y = 0; y < height; y++)
            {
                var (y0, y1, wy) = rows[y];
                var upper = plane.Slice((top + y0) * width, width);
                var lower = plane.Slice((top + y1) * width, width);
                for (var x = 0; x < width; x++)
                {
                    var (x0, x1, wx) = columns[x];
                    var a = ((1 - wx) * upper[left + x0]) + (wx * upper[left + x1]);
                    var b = ((1 - wx) * lower[left + x0]) + (wx * lower[left + x1]);
                    output[(y * width) + x] = ((1 - wy) * a) + (wy * b);
                }
            }
        }
    }

    private static (int Low, int High, float Weight)[] Taps(int inputSize, int outputSize)
    {
        var scale = (float)inputSize / outputSize;
        var taps = new (int, int, float)[outputSize];
        for (var d = 0; d < outputSize; d++)
        {
            var source = Math.Max((scale * (d + 0.5f)) - 0.5f, 0f);
            var low = Math.Min((int)source, inputSize - 1);
            var high = low < inputSize - 1 ? low + 1 : low;
            taps[d] = (low, high, source - low);
        }

        return taps;
    }

    /// <summary>
    /// The average over each image's <paramref name="copies"/> adjacent rows of <paramref name="probabilities"/>
    /// (images × copies rows of <paramref name="classes"/> values): one array per image.
    /// </summary>
    public static List<float[]> Average(ReadOnlySpan<float> probabilities, int images, int copies, int classes)
    {
        var results = new List<float[]>(images);
        for (var i = 0; i < images; i++)
        {
            var average = new float[classes];
            for (var copy = 0; copy < copies; copy++)
            {
                var row = probabilities.Slice(((i * copies) + copy) * classes, classes);
                for (var k = 0; k < classes; k++)
                {
                    average[k] += row[k];
                }
            }

            if (copies > 1)
            {
                for (var k = 0; k < classes; k++)
                {
                    average[k] /= copies;
                }
            }

            results.Add(average);
        }

        return results;
    }
}
