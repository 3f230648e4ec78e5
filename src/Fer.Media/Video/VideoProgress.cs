namespace Fer.Media;

/// <summary>How far a video analysis has come.</summary>
/// <param name="Frames">Frames analysed so far.</param>
/// <param name="Position">The timestamp of the last analysed frame.</param>
/// <param name="Duration">The video's duration, when its container gives it.</param>
public readonly record struct VideoProgress(int Frames, TimeSpan Position, TimeSpan? Duration);
