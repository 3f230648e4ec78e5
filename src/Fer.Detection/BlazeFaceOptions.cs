namespace Fer.Detection;

/// <summary>Settings of a <see cref="BlazeFaceDetector"/>. The defaults are the ones measured in docs/face-detection.md.</summary>
public sealed record BlazeFaceOptions
{
    /// <summary>The network. Default <see cref="BlazeFaceModel.BackCamera256"/>.</summary>
    public BlazeFaceModel Model { get; init; } = BlazeFaceModel.BackCamera256;

    /// <summary>Faces scored below this are dropped, in [0, 1]. Default 0.6.</summary>
    public float MinConfidence { get; init; } = 0.6f;

    /// <summary>Detections of one face overlapping more than this (intersection over union) are merged. Default 0.3.</summary>
    public float OverlapThreshold { get; init; } = 0.3f;

    /// <summary>
    /// The smallest face to find, as a fraction of the photo's shorter side; default 0.06 (65 px in a 1920x1080
    /// photo). Large photos are also scanned in overlapping tiles small enough for such faces: smaller values mean
    /// more tiles (one network run each). 0 scans only the whole photo, which finds faces from about a tenth of
    /// its longer side.
    /// </summary>
    public double SmallestFace { get; init; } = 0.06;

    /// <summary>ONNX Runtime's intra-op threads; 0 lets it choose (one per core). Default 0.</summary>
    public int Threads { get; init; }
}
