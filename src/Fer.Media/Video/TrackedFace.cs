
namespace Fer.Media;

/// <summary>One face of a video frame, with the track it belongs to.</summary>
/// <param name="TrackId">The track's id, from 1: the same person keeps it from frame to frame while visible.</param>
/// <param name="Face">Where the face is, the classified crop, and this frame's predicted emotion.</param>
/// <param name="Smoothed">The track's emotion averaged over time (exponential moving average of the probabilities).</param>
public sealed record TrackedFace(int TrackId, FaceEmotion Face, EmotionPrediction Smoothed)
{
    /// <summary>"track 2: happy 81.0 % (smoothed happy 77.3 %) at (x 12, y 34, 56x78)".</summary>
    public override string ToString() => FormattableString.Invariant($"track {TrackId}: {Face.Emotion} (smoothed {Smoothed}) at {Face.Face.Box}");
}
