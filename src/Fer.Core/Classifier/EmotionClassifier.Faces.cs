using Fer.Datasets;

namespace Fer.Core;

/// <summary>Photos: find every face with a detector, crop it as the model was trained, classify the crops in one batch.</summary>
public sealed partial class EmotionClassifier
{
    /// <inheritdoc/>
    public IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IFaceDetector detector, FaceCropping? cropping = null) => _inputs.Faces(photo, detector, cropping);

    /// <inheritdoc/>
    /// <remarks>Each result's <see cref="FaceEmotion.Face"/> carries the given box with confidence 1.</remarks>
    public IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IEnumerable<FaceBox> faces, FaceCropping? cropping = null) => _inputs.Faces(photo, faces, cropping);

    /// <inheritdoc/>
    public IReadOnlyList<FaceEmotion> PredictFaces(string photoPath, IFaceDetector detector, FaceCropping? cropping = null) => _inputs.Faces(photoPath, detector, cropping);
}
