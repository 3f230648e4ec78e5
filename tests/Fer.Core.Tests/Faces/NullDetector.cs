using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>A broken detector that returns null.</summary>
internal sealed class NullDetector : IFaceDetector
{
    public IReadOnlyList<DetectedFace> Detect(Photo photo) => null!;
}
