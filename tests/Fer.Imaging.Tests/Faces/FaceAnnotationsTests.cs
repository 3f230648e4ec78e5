
namespace Fer.Imaging.Tests;

/// <summary>FaceAnnotations.Annotate draws boxes and labels on a copy and leaves the photo as it was.</summary>
public sealed class FaceAnnotationsTests
{
    private static readonly string[] Classes = ["calm", "happy"];

    private static FaceEmotion Face(float x) => new(new DetectedFace(new FaceBox(x, 10, 30, 30), 0.9f), new FaceBox(x, 10, 30, 30), new EmotionPrediction(Classes, [0.2f, 0.8f]));

    [Fact]
    public void A_copy_gets_the_boxes_and_the_photo_is_unchanged()
    {
        using var photo = Photo.FromPixels(new byte[200 * 100], 200, 100, PhotoPixelFormat.Gray8);
        var before = photo.ToRgbaPixels();

        using var annotated = FaceAnnotations.Annotate(photo, [Face(20), Face(120)], ["#1 happy", "#2 happy"]);

        Assert.Equal((200, 100), (annotated.Width, annotated.Height));
        Assert.Equal(before, photo.ToRgbaPixels());
        // The photo is black: every coloured (non-alpha) byte of the copy is a box or a label.
        var coloured = annotated.ToRgbaPixels().Where((_, i) => i % 4 != 3).Count(b => b > 0);
        Assert.True(coloured > 1000, $"only {coloured} coloured bytes: no box was drawn");
    }

    [Fact]
    public void Labels_must_match_the_faces()
    {
        using var photo = Photo.FromPixels(new byte[200 * 100], 200, 100, PhotoPixelFormat.Gray8);

        Assert.Throws<ArgumentException>(() => FaceAnnotations.Annotate(photo, [Face(20)], ["a", "b"]));
    }
}
