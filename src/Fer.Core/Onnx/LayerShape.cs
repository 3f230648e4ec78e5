namespace Fer.Core;

/// <summary>The shape a layer's output has without the batch dimension, while exporting: (C, H, W) feature maps or (F) features.</summary>
internal readonly record struct LayerShape(int Channels, int Height, int Width, bool IsFlat = false)
{
    /// <summary>The number of values: F for flat shapes, C × H × W for feature maps.</summary>
    public int Features => IsFlat ? Channels : checked(Channels * Height * Width);

    public static LayerShape Flat(int features) => new(features, 1, 1, IsFlat: true);
}
