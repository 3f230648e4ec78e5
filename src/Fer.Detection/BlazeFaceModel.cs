namespace Fer.Detection;

/// <summary>Which MediaPipe BlazeFace network a <see cref="BlazeFaceDetector"/> runs.</summary>
public enum BlazeFaceModel
{
    /// <summary>
    /// The 256x256 "back camera" network: faces from about 1/16 of the tile's side upward; with tiling, the right
    /// choice for group photos and ordinary pictures (the default).
    /// </summary>
    BackCamera256,

    /// <summary>The 128x128 "front camera" network: one or two large faces close to the camera (selfies, webcams); fastest.</summary>
    FrontCamera128,
}
