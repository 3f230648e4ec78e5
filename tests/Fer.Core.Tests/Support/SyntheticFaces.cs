using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>A learnable synthetic task: noisy 16x16 images of a horizontal bar, a vertical bar or a diagonal.</summary>
internal static class SyntheticFaces
{
    public static readonly string[] Classes = ["horizontal", "vertical", "diagonal"];

    public static LabeledFaces Make(int count, int seed, int size = 16)
    {
        var random = new Random(seed);
        var pixels = new byte[count * size * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 3;
            labels[i] = label;
            var offset = random.Next(2, size - 2);
            var image = pixels.AsSpan(i * size * size, size * size);
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var on = label switch
                    {
                        0 => Math.Abs(y - offset) <= 1,
                        1 => Math.Abs(x - offset) <= 1,
                        _ => Math.Abs(x - y) <= 1,
                    };
                    var value = (on ? 200 : 40) + random.Next(-30, 31);
                    image[(y * size) + x] = (byte)Math.Clamp(value, 0, 255);
                }
            }
        }

        return LabeledFaces.FromPixels(pixels, labels, new ImageShape(1, size, size), Classes);
    }

    public static Sequential SmallNet(int seed = 1, int size = 16) => new Sequential((1, size, size), seed)
        .Add(Layers.Conv2D(8, kernel: 3, padding: Padding.Same))
        .Add(Layers.BatchNorm())
        .Add(Layers.ReLU())
        .Add(Layers.MaxPool2D(2))
        .Add(Layers.Conv2D(16, kernel: 3, padding: Padding.Same))
        .Add(Layers.ReLU())
        .Add(Layers.GlobalAvgPool2D())
        .Add(Layers.Dropout(0.1))
        .Add(Layers.Dense(3));
}
