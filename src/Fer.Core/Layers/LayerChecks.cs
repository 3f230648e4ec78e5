namespace Fer.Core;

/// <summary>Configuration and input-shape checks shared by the layers, with messages that name the layer.</summary>
internal static class LayerChecks
{
    public static int Positive(int value, string name, string layer)
        => value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{layer}: {name} must be positive, but was {value}.");

    /// <summary>The most weights one layer may hold (256 MB of floats), checked before anything is allocated.</summary>
    public const long MaxWeightsPerLayer = 1L << 26;

    /// <summary>Refuses a layer whose weights would exceed <see cref="MaxWeightsPerLayer"/> (a forged or mistyped size).</summary>
    public static void WeightCount(Layer layer, params long[] factors)
    {
        var count = 1.0;
        foreach (var factor in factors)
        {
            count *= factor;
        }

        if (count > MaxWeightsPerLayer)
        {
            throw new FerModelException($"{layer.Kind} would hold {count:N0} weights ({string.Join(" x ", factors)}), more than the {MaxWeightsPerLayer:N0} one layer may hold.");
        }
    }

    public static T Defined<T>(T value, string name, string layer)
        where T : struct, Enum
        => Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{layer}: {name} {value} is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Checks an image input (C, H, W) that a kernel fits in, and returns its dimensions.</summary>
    public static (int Channels, int Height, int Width) Image(Layer layer, Shape input, int kernel, Padding padding)
    {
        if (input.Rank != 3)
        {
            throw new FerModelException(
                $"{layer.Kind} expected input of shape (None, channels, height, width) but received {input.ToBatchString()}. " +
                "Image layers must come before Flatten or GlobalAveragePooling2D.");
        }

        if (padding == Padding.Valid && (input[1] < kernel || input[2] < kernel))
        {
            throw new FerModelException(
                $"{layer.Kind} with kernel {kernel} and valid padding expected input of at least {kernel}x{kernel} but received {input.ToBatchString()}. " +
                "Use Padding.Same, a smaller kernel, or fewer downsampling layers before it.");
        }

        return (input[0], input[1], input[2]);
    }
}
