using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fer.Internal;
using SkiaSharp;

namespace Fer.Imaging;

/// <summary>
/// Writes the result of <see cref="EmotionPredictorExtensions.PredictFaces(IEmotionPredictor, Photo, IFaceDetector, FaceCropping?)"/>: an annotated
/// copy of the photo (a box, the emotion and both confidences per face) and a JSON document.
/// </summary>
public static class FaceAnnotations
{
    /// <summary>Saves a copy of the photo with every face boxed and labelled; JPEG for .jpg/.jpeg, otherwise PNG.</summary>
    /// <param name="photo">The photo the faces were found in.</param>
    /// <param name="faces">The faces.</param>
    /// <param name="path">The output file; its folder is created. Written atomically.</param>
    public static void SaveImage(Photo photo, IReadOnlyList<FaceEmotion> faces, string path)
    {
        Guard.NotNull(path);
        using var bitmap = Draw(photo, faces, null);
        var jpeg = Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg";
        using var data = bitmap.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
        AtomicFile.Write(path, stream => data.SaveTo(stream));
    }

    /// <summary>A copy of the photo with every face boxed and labelled (for video frames, previews, web pages).</summary>
    /// <param name="photo">The photo the faces were found in.</param>
    /// <param name="faces">The faces.</param>
    /// <param name="labels">One label per face instead of "emotion confidence (face confidence)", e.g. with a track id; null for the default.</param>
    /// <exception cref="ArgumentException">The number of labels differs from the number of faces.</exception>
    public static Photo Annotate(Photo photo, IReadOnlyList<FaceEmotion> faces, IReadOnlyList<string>? labels = null)
    {
        using var bitmap = Draw(photo, faces, labels);
        return Photo.FromPixels(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height, PhotoPixelFormat.Rgba32, bitmap.RowBytes);
    }

    private static SKBitmap Draw(Photo photo, IReadOnlyList<FaceEmotion> faces, IReadOnlyList<string>? labels)
    {
        Guard.NotNull(photo);
        Guard.NotNull(faces);
        if (labels is not null && labels.Count != faces.Count)
        {
            throw new ArgumentException($"There are {labels.Count} labels for {faces.Count} faces; give one per face.", nameof(labels));
        }

        var bitmap = new SKBitmap(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        photo.ToRgbaPixels().AsSpan().CopyTo(bitmap.GetPixelSpan());
        using var canvas = new SKCanvas(bitmap);
        var stroke = Math.Max(2f, Math.Min(photo.Width, photo.Height) / 300f);
        var texts = faces.Select((face, i) => labels is null ? DefaultTexts(face) : GivenTexts(labels[i])).ToList();
        var placements = LabelLayout.Place(photo.Width, photo.Height, [.. faces.Select(f => f.Face.Box)], texts, PictureFont.Typeface, Math.Max(12f, stroke * 7));
        for (var i = 0; i < faces.Count; i++)
        {
            Draw(canvas, faces[i], placements[i], stroke);
        }

        return bitmap;
    }

    /// <summary>"happy 91 % (face 87 %)", then "happy 91 %", then "happy": the texts tried, longest first.</summary>
    private static string[] DefaultTexts(FaceEmotion face) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"{face.Emotion.Label} {face.Emotion.Confidence:P0} (face {face.Face.Confidence:P0})"),
        string.Create(CultureInfo.InvariantCulture, $"{face.Emotion.Label} {face.Emotion.Confidence:P0}"),
        face.Emotion.Label,
    ];

    /// <summary>A caller's label, then its part before a parenthesis, if it has one.</summary>
    private static string[] GivenTexts(string label)
    {
        var cut = label.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? [label, label[..cut]] : [label];
    }

    /// <summary>
    /// The faces as JSON: the photo's source and size, then per face its box, detector confidence, the crop that was
    /// classified, the emotion, its confidence and every class's probability.
    /// </summary>
    /// <param name="photo">The photo the faces were found in.</param>
    /// <param name="faces">The faces.</param>
    public static string ToJson(Photo photo, IReadOnlyList<FaceEmotion> faces)
    {
        Guard.NotNull(photo);
        Guard.NotNull(faces);
        var list = new JsonArray();
        foreach (var face in faces)
        {
            var probabilities = new JsonObject();
            foreach (var (name, p) in face.Emotion.Probabilities)
            {
                probabilities[name] = Math.Round(p, 5);
            }

            list.Add(new JsonObject
            {
                ["box"] = Box(face.Face.Box),
                ["faceConfidence"] = Math.Round(face.Face.Confidence, 4),
                ["crop"] = Box(face.Crop),
                ["emotion"] = face.Emotion.Label,
                ["confidence"] = Math.Round(face.Emotion.Confidence, 4),
                ["probabilities"] = probabilities,
            });
        }

        var json = new JsonObject
        {
            ["photo"] = photo.Source,
            ["width"] = photo.Width,
            ["height"] = photo.Height,
            ["faces"] = list,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Box(FaceBox box) => new()
    {
        ["x"] = Math.Round(box.X, 1),
        ["y"] = Math.Round(box.Y, 1),
        ["width"] = Math.Round(box.Width, 1),
        ["height"] = Math.Round(box.Height, 1),
    };

    private static void Draw(SKCanvas canvas, FaceEmotion face, LabelPlacement? label, float stroke)
    {
        var color = face.Emotion.Emotion switch
        {
            Emotion.Happy => new SKColor(0x2E, 0xCC, 0x40),
            Emotion.Surprise => new SKColor(0xFF, 0xDC, 0x00),
            Emotion.Neutral => new SKColor(0xDD, 0xDD, 0xDD),
            Emotion.Sad => new SKColor(0x00, 0x74, 0xD9),
            Emotion.Angry => new SKColor(0xFF, 0x41, 0x36),
            Emotion.Fear => new SKColor(0xB1, 0x0D, 0xC9),
            Emotion.Disgust => new SKColor(0x8B, 0x5A, 0x2B),
            Emotion.Contempt => new SKColor(0xFF, 0x85, 0x1B),
            _ => SKColors.White,
        };
        var box = face.Face.Box;
        using var pen = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = stroke, IsAntialias = true };
        canvas.DrawRect(box.X, box.Y, box.Width, box.Height, pen);
        if (label is not { } placed)
        {
            return;
        }

        using var font = PictureFont.CreateFont(placed.FontSize);
        using var background = new SKPaint { Color = color.WithAlpha(220), Style = SKPaintStyle.Fill };
        canvas.DrawRect(placed.Rect, background);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(placed.Text, placed.Rect.Left + (placed.FontSize * 0.3f), placed.Rect.Top + placed.FontSize, SKTextAlign.Left, font, ink);
    }
}
