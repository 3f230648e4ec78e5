
namespace Fer.WebDemo;

/// <summary>
/// The faces of one uploaded photo: for the page, the annotated copy as a JPEG data URI; for the API, the JSON that
/// <see cref="FaceAnnotations.ToJson"/> writes.
/// </summary>
internal sealed record PhotoAnalysis(int Width, int Height, IReadOnlyList<FaceEmotion> Faces, string? AnnotatedDataUri, string? Json);
