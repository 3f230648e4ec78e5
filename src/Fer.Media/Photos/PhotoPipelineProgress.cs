namespace Fer.Media;

/// <summary>How far a photo collection has come.</summary>
/// <param name="Photos">Photos done (processed or skipped).</param>
/// <param name="Total">Photos in the collection.</param>
/// <param name="Faces">Faces found so far.</param>
/// <param name="Failures">Photos skipped so far.</param>
public readonly record struct PhotoPipelineProgress(int Photos, int Total, int Faces, int Failures);
