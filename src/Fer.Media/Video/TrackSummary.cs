
namespace Fer.Media;

/// <summary>One face track of a video: when it was seen and its emotion over its frames.</summary>
/// <param name="TrackId">The track's id.</param>
/// <param name="FirstSeen">The timestamp of its first frame.</param>
/// <param name="LastSeen">The timestamp of its last frame.</param>
/// <param name="Frames">The number of frames it appears in.</param>
/// <param name="Emotion">Its smoothed probabilities averaged over those frames.</param>
public sealed record TrackSummary(int TrackId, TimeSpan FirstSeen, TimeSpan LastSeen, int Frames, EmotionPrediction Emotion);
