
namespace Fer.Internal;

/// <summary>
/// Plain images that every sound model gives finite probabilities for: black, mid-gray, white and a ramp. Loading a
/// model runs them through it, so that weights near float's limits or a broken normalisation, which pass every
/// per-value check, are refused at load instead of breaking every prediction.
/// </summary>
internal static class ProbeImages
{
    public const int Count = 4;

    /// <summary>The four images, 0–255 pixels of <paramref name="shape"/>, one after another.</summary>
    public static byte[] For(ImageShape shape)
    {
        var size = shape.PixelCount;
        var probe = new byte[Count * size];
        probe.AsSpan(size, size).Fill(128);
        probe.AsSpan(2 * size, size).Fill(255);
        for (var i = 0; i < size; i++)
        {
            probe[(3 * size) + i] = (byte)(i * 255 / Math.Max(size - 1, 1));
        }

        return probe;
    }
}
