using SkiaSharp;

namespace Fer.Imaging;

/// <summary>
/// Where each face's label goes on an annotated photo, so that no label covers a face or another label and every
/// label stays inside the picture: the text size follows the face's box, the label sits above the box, else below it,
/// and where neither has room, or the text is more than twice as wide as the face, a shorter text is tried, then a
/// smaller size. A face with no room at all keeps its box
/// without a label (its figures are in the JSON output).
/// </summary>
internal static class LabelLayout
{
    /// <summary>The smallest text size tried, in pixels: smaller is not readable.</summary>
    internal const float MinFontSize = 9f;

    /// <summary>Text size per pixel of face width: a 60-pixel face gets 12-pixel text.</summary>
    private const float FontPerFaceWidth = 0.2f;

    /// <summary>
    /// A label's widest span, in face widths, unless it is the shortest text: wider labels read as belonging to the
    /// neighbours.
    /// </summary>
    private const float MaxWidthPerFaceWidth = 2f;

    /// <summary>Each smaller size tried is this fraction of the one before.</summary>
    private const float ShrinkStep = 0.85f;

    /// <summary>
    /// The label of each face, in face order, or null where none fits. <paramref name="texts"/> gives each face's
    /// texts, longest first.
    /// </summary>
    public static IReadOnlyList<LabelPlacement?> Place(int width, int height, IReadOnlyList<FaceBox> faces, IReadOnlyList<IReadOnlyList<string>> texts, SKTypeface typeface, float maxFontSize)
    {
        var picture = new SKRect(0, 0, width, height);
        var faceRects = faces.Select(f => new SKRect(f.X, f.Y, f.Right, f.Bottom)).ToArray();
        var placed = new List<SKRect>();
        var result = new LabelPlacement?[faces.Count];

        // Left to right, top to bottom: neighbours in a row compete for the same space in a predictable order.
        foreach (var i in Enumerable.Range(0, faces.Count).OrderBy(i => faces[i].Y).ThenBy(i => faces[i].X))
        {
            result[i] = PlaceOne(picture, faceRects, i, texts[i], placed, typeface, maxFontSize);
            if (result[i] is { } label)
            {
                placed.Add(label.Rect);
            }
        }

        return result;
    }

    private static LabelPlacement? PlaceOne(SKRect picture, SKRect[] faces, int index, IReadOnlyList<string> texts, List<SKRect> placed, SKTypeface typeface, float maxFontSize)
    {
        var box = faces[index];
        for (var size = Math.Clamp(box.Width * FontPerFaceWidth, MinFontSize, Math.Max(MinFontSize, maxFontSize)); size >= MinFontSize - 1e-3f; size *= ShrinkStep)
        {
            using var font = new SKFont(typeface, size);
            for (var t = 0; t < texts.Count; t++)
            {
                var text = texts[t];
                var labelWidth = font.MeasureText(text) + (size * 0.6f);
                var labelHeight = size * 1.3f;
                var shortest = t == texts.Count - 1;
                if (labelWidth > picture.Width || (!shortest && labelWidth > MaxWidthPerFaceWidth * box.Width))
                {
                    continue;
                }

                // Centred on the box, moved sideways to stay inside the picture.
                var left = Math.Clamp(box.MidX - (labelWidth / 2), 0, picture.Width - labelWidth);
                foreach (var top in new[] { box.Top - labelHeight, box.Bottom })
                {
                    var rect = SKRect.Create(left, top, labelWidth, labelHeight);
                    if (picture.Contains(rect) && !faces.Any(f => Overlaps(f, rect)) && !placed.Any(p => Overlaps(p, rect)))
                    {
                        return new LabelPlacement(text, rect, size);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether two rectangles share area (touching edges do not count).</summary>
    internal static bool Overlaps(SKRect a, SKRect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
}
