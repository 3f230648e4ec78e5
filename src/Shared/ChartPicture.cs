using SkiaSharp;

namespace Fer.Internal;

/// <summary>
/// A chart as PNG bytes, with where each panel's data area landed in the picture (pixels), so that the layout can be
/// checked: legends outside the data, everything inside the picture.
/// </summary>
/// <param name="Png">The picture.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Panels">Each panel's rectangle in the picture, in drawing order.</param>
/// <param name="DataAreas">Each panel's data area in the picture, in drawing order.</param>
internal sealed record ChartPicture(byte[] Png, int Width, int Height, IReadOnlyList<SKRectI> Panels, IReadOnlyList<SKRect> DataAreas);
