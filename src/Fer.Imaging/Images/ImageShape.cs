namespace Fer;

/// <summary>The shape of one image: channels, height and width (channels first, as in PyTorch).</summary>
/// <param name="Channels">Number of channels (1 for grayscale).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>The FER2013 shape: one channel, 48 by 48 pixels.</summary>
    public static ImageShape Fer2013 { get; } = new(1, 48, 48);

    /// <summary>Number of values in one image: channels × height × width.</summary>
    public int PixelCount => Channels * Height * Width;

    /// <summary>The shape as "(C, H, W)".</summary>
    public override string ToString() => $"({Channels}, {Height}, {Width})";

    /// <summary>Deconstructs a tuple such as <c>(1, 48, 48)</c> into a shape.</summary>
    /// <param name="shape">Channels, height and width.</param>
    public static implicit operator ImageShape((int Channels, int Height, int Width) shape)
        => new(shape.Channels, shape.Height, shape.Width);
}
