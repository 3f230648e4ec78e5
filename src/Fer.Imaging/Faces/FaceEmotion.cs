namespace Fer;

/// <summary>One face of a photo with its predicted emotion.</summary>
/// <param name="Face">Where the face is, and the detector's confidence.</param>
/// <param name="Crop">The square region that was classified (the face box with the margin of <see cref="FaceCropping"/>).</param>
/// <param name="Emotion">The predicted emotion.</param>
public sealed record FaceEmotion(DetectedFace Face, FaceBox Crop, EmotionPrediction Emotion)
{
    /// <summary>"happy 93.2% at (x 12, y 34, 56x78), face 98.1%".</summary>
    public override string ToString() => FormattableString.Invariant($"{Emotion} at {Face.Box}, face {Face.Confidence:P1}");
}
