
namespace Fer;

/// <summary>
/// Finds faces in a photo. Fer.Detection's <c>BlazeFaceDetector</c> implements it; implement it to plug in any other
/// detector (OpenCV, a cloud service, a video tracker) and pass it to <c>EmotionClassifier.PredictFaces</c> (Fer.Core).
/// </summary>
public interface IFaceDetector
{
    /// <summary>Every face in the photo, most confident first; an empty list when there is none.</summary>
    /// <param name="photo">The photo, upright.</param>
    IReadOnlyList<DetectedFace> Detect(Photo photo);
}
