using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>A detector that "finds" the same faces in every photo.</summary>
internal sealed class FixedDetector(params DetectedFace[] faces) : IFaceDetector
{
    public IReadOnlyList<DetectedFace> Faces { get; } = faces;

    public IReadOnlyList<DetectedFace> Detect(Photo photo) => Faces;
}
