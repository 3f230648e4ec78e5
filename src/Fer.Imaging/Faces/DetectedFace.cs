namespace Fer;

/// <summary>A face found by an <see cref="IFaceDetector"/>: where it is and how sure the detector is.</summary>
/// <param name="Box">The face's bounding box in the photo's pixel coordinates.</param>
/// <param name="Confidence">The detector's confidence, in [0, 1].</param>
public sealed record DetectedFace(FaceBox Box, float Confidence);
