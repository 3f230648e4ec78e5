using Fer.Core;
using Fer.Datasets;
using SkiaSharp;

namespace Fer.Detection.Tests;

public sealed class BlazeFaceDetectorTests : IDisposable
{
    private readonly BlazeFaceDetector detector = new();

    public void Dispose() => detector.Dispose();

    [Fact]
    public void Finds_every_face_of_the_group_photos_with_at_most_one_false_positive_each()
    {
        var found = 0;
        foreach (var (name, truth) in GroupPhotos.Faces)
        {
            using var photo = Photo.Load(GroupPhotos.PathOf(name));
            var faces = detector.Detect(photo);
            var (matched, falsePositives) = GroupPhotos.Match(truth, faces.Select(f => f.Box));
            Assert.True(falsePositives <= 1, $"{name}: {falsePositives} false positives");
            Assert.All(faces, f => Assert.InRange(f.Confidence, detector.Options.MinConfidence, 1f));
            Assert.Equal(faces.OrderByDescending(f => f.Confidence), faces);
            found += matched;
        }

        Assert.Equal(22, GroupPhotos.Faces.Values.Sum(f => f.Length));
        Assert.Equal(22, found);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Png_and_webp_copies_give_the_same_faces(SKEncodedImageFormat format)
    {
        using var jpeg = Photo.Load(GroupPhotos.PathOf("group2.jpg"));
        using var pixels = PhotoBitmaps.ToBitmap(jpeg);
        using var photo = Photo.Decode(ForgedImages.Encode(pixels, format, 100), $"group2.{format}");
        Assert.Equal((3, 0), GroupPhotos.Match(GroupPhotos.Faces["group2.jpg"], detector.Detect(photo).Select(f => f.Box)));
    }

    [Fact]
    public void A_grayscale_copy_gives_the_same_faces()
    {
        using var color = Photo.Load(GroupPhotos.PathOf("group4.jpg"));
        var gray = new byte[color.Width * color.Height];
        var rgba = color.ToRgbaPixels();
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)(((rgba[i * 4] * 299) + (rgba[(i * 4) + 1] * 587) + (rgba[(i * 4) + 2] * 114)) / 1000);
        }

        using var photo = Photo.FromPixels(gray, color.Width, color.Height, PhotoPixelFormat.Gray8);
        Assert.Equal((4, 0), GroupPhotos.Match(GroupPhotos.Faces["group4.jpg"], detector.Detect(photo).Select(f => f.Box)));
    }

    [Fact]
    public void Exif_rotated_photos_are_detected_upright()
    {
        // Store group6 rotated 90° counter-clockwise with EXIF orientation 6 ("rotate 90° clockwise to display").
        using var upright = Photo.Load(GroupPhotos.PathOf("group6.jpg"));
        using var stored = new SKBitmap(new SKImageInfo(upright.Height, upright.Width, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(stored))
        {
            canvas.Translate(0, upright.Width);
            canvas.RotateDegrees(-90);
            using var pixels = PhotoBitmaps.ToBitmap(upright);
            using var image = SKImage.FromBitmap(pixels);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }

        var jpeg = ForgedImages.WithExifOrientation(ForgedImages.Encode(stored, SKEncodedImageFormat.Jpeg, 95), 6);
        using var photo = Photo.Decode(jpeg, "rotated.jpg");
        Assert.Equal((upright.Width, upright.Height), (photo.Width, photo.Height));
        Assert.Equal((4, 0), GroupPhotos.Match(GroupPhotos.Faces["group6.jpg"], detector.Detect(photo).Select(f => f.Box)));
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(48, 48)]
    [InlineData(1, 1)]
    [InlineData(3000, 200)]
    public void A_photo_without_a_face_gives_an_empty_list(int width, int height)
    {
        var random = new Random(width);
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(((i / 3 % width) + (i / 3 / width)) % 256 / 2 + random.Next(0, 16));
        }

        using var photo = Photo.FromPixels(pixels, width, height, PhotoPixelFormat.Rgb24);
        Assert.Empty(detector.Detect(photo));
    }

    [Fact]
    public void The_front_camera_network_finds_a_close_face()
    {
        using var group = Photo.Load(GroupPhotos.PathOf("group6.jpg"));
        var face = GroupPhotos.Faces["group6.jpg"][1];
        using var closeUp = new SKBitmap();
        using var groupPixels = PhotoBitmaps.ToBitmap(group);
        Assert.True(groupPixels.ExtractSubset(closeUp, SKRectI.Create((int)face.X - 50, (int)face.Y - 50, 200, 200)));
        using var photo = Photo.Decode(ForgedImages.Encode(closeUp, SKEncodedImageFormat.Png), "close-up");
        using var front = new BlazeFaceDetector(new BlazeFaceOptions { Model = BlazeFaceModel.FrontCamera128 });
        var found = Assert.Single(front.Detect(photo));
        Assert.True(found.Box.IntersectionOverUnion(new FaceBox(50, 50, face.Width, face.Height)) > 0.4f, found.Box.ToString());
    }

    [Fact]
    public void Concurrent_calls_give_the_same_faces_as_serial_ones()
    {
        var names = GroupPhotos.Faces.Keys.ToArray();
        var serial = names.Select(n => Detect(n)).ToArray();
        var parallel = new string[names.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Detect(names[i % names.Length]));
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(serial[i % names.Length], parallel[i]);
        }

        string Detect(string name)
        {
            using var photo = Photo.Load(GroupPhotos.PathOf(name));
            return string.Join(";", detector.Detect(photo).Select(f => $"{f.Box}@{f.Confidence}"));
        }
    }

    [Theory]
    [InlineData(-0.1f, 0.3f, 0.06)]
    [InlineData(0.5f, 0f, 0.06)]
    [InlineData(0.5f, 0.3f, -1)]
    [InlineData(0.5f, 0.3f, double.NaN)]
    public void Out_of_range_options_are_refused(float minConfidence, float overlap, double smallestFace)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new BlazeFaceDetector(new BlazeFaceOptions { MinConfidence = minConfidence, OverlapThreshold = overlap, SmallestFace = smallestFace }));
}
