
namespace Fer.Media;

/// <summary>The faces of one photo of a collection, or why it could not be read.</summary>
/// <param name="Path">The photo's file.</param>
/// <param name="Width">Its width in pixels (0 when it failed).</param>
/// <param name="Height">Its height in pixels (0 when it failed).</param>
/// <param name="Faces">Every face found, in the detector's order; empty when it failed.</param>
/// <param name="Error">Why the photo was skipped (missing, unreadable, too large); null when it was processed.</param>
public sealed record PhotoResult(string Path, int Width, int Height, IReadOnlyList<FaceEmotion> Faces, string? Error)
{
    /// <summary>Whether the photo was processed.</summary>
    public bool Succeeded => Error is null;
}
