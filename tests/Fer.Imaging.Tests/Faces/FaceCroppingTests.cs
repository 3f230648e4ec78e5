
namespace Fer.Imaging.Tests;

public sealed class FaceCroppingTests
{
    [Fact]
    public void The_fer2013_crop_is_a_wider_square_around_the_face_moved_up()
    {
        var crop = FaceCropping.Fer2013.CropFor(new FaceBox(100, 200, 80, 100));
        Assert.Equal(crop.Width, crop.Height);
        Assert.Equal(100 * 1.2f, crop.Width, 3);
        Assert.Equal(140f, crop.X + (crop.Width / 2), 3);
        Assert.Equal(250f - 12f, crop.Y + (crop.Height / 2), 3);
    }

    [Fact]
    public void Crops_are_moved_inside_the_photo_and_shrunk_only_when_larger_than_it()
    {
        var atCorner = FaceCropping.PlaceInside(new FaceBox(-30, -20, 100, 100), 640, 480);
        Assert.Equal((0f, 0f, 100f, 100f), (atCorner.X, atCorner.Y, atCorner.Width, atCorner.Height));

        var atFarEdge = FaceCropping.PlaceInside(new FaceBox(600, 450, 100, 100), 640, 480);
        Assert.Equal((540f, 380f), (atFarEdge.X, atFarEdge.Y));

        var tooLarge = FaceCropping.PlaceInside(new FaceBox(-100, -100, 900, 900), 640, 480);
        Assert.Equal((110f, 0f, 480f, 480f), (tooLarge.X, tooLarge.Y, tooLarge.Width, tooLarge.Height));
    }

    [Theory]
    [InlineData(0.4, 0)]
    [InlineData(5, 0)]
    [InlineData(1, 1.5)]
    [InlineData(double.NaN, 0)]
    public void Out_of_range_settings_are_refused(double scale, double shift)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FaceCropping(scale, shift));

    [Fact]
    public void Face_boxes_measure_their_overlap()
    {
        var box = new FaceBox(0, 0, 10, 10);
        Assert.Equal(1f, box.IntersectionOverUnion(box));
        Assert.Equal(0f, box.IntersectionOverUnion(new FaceBox(20, 20, 5, 5)));
        Assert.Equal(25f / 175f, box.IntersectionOverUnion(new FaceBox(5, 5, 10, 10)), 5);
        Assert.Equal((10f, 10f, 100f), (box.Right, box.Bottom, box.Area));
    }
}
