namespace Fer.Media;

/// <summary>The faces of one sampled video frame.</summary>
/// <param name="Index">The frame's number among the sampled frames, from 0.</param>
/// <param name="Timestamp">When the frame is shown in the video.</param>
/// <param name="Width">The upright frame's width in pixels.</param>
/// <param name="Height">The upright frame's height in pixels.</param>
/// <param name="Faces">Every face found, with its track, in the detector's order.</param>
public sealed record VideoFrameResult(int Index, TimeSpan Timestamp, int Width, int Height, IReadOnlyList<TrackedFace> Faces);
