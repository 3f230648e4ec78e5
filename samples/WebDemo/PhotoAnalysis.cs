using Fer.Core;

namespace Fer.WebDemo;

/// <summary>The faces of one uploaded photo and, for the page, its annotated copy as a JPEG data URI.</summary>
internal sealed record PhotoAnalysis(int Width, int Height, IReadOnlyList<FaceEmotion> Faces, string? AnnotatedDataUri)
{
    public object ToJson() => new
    {
        width = Width,
        height = Height,
        faces = Faces.Select(f => new
        {
            box = new { x = f.Face.Box.X, y = f.Face.Box.Y, width = f.Face.Box.Width, height = f.Face.Box.Height },
            faceConfidence = f.Face.Confidence,
            emotion = f.Emotion.Label,
            confidence = f.Emotion.Confidence,
            probabilities = f.Emotion.Probabilities,
        }).ToArray(),
    };
}
