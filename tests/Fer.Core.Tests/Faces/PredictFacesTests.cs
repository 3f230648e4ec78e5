using Fer.Datasets;
using SkiaSharp;
using Fer.Imaging;

namespace Fer.Core.Tests;

/// <summary>EmotionClassifier.PredictFaces with a detector that returns fixed boxes: cropping, batching and errors.</summary>
public sealed class PredictFacesTests : IDisposable
{
    private readonly EmotionClassifier classifier = EmotionClassifier.LoadDefault();

    public void Dispose() => classifier.Dispose();

    [Fact]
    public void Each_face_is_cropped_grayscaled_and_classified_like_a_single_image()
    {
        using var photo = PatternPhoto(320, 240);
        var detector = new FixedDetector(new DetectedFace(new FaceBox(40, 50, 60, 70), 0.9f), new DetectedFace(new FaceBox(200, 100, 50, 50), 0.8f));
        var faces = classifier.PredictFaces(photo, detector);

        Assert.Equal(2, faces.Count);
        Assert.Equal(detector.Faces, faces.Select(f => f.Face));
        foreach (var face in faces)
        {
            var crop = face.Crop;
            Assert.Equal(crop.Width, crop.Height);
            var expected = FaceCropping.PlaceInside(FaceCropping.Fer2013.CropFor(face.Face.Box), photo.Width, photo.Height);
            Assert.Equal(expected, crop);

            // The same crop, encoded losslessly and given to Predict, gets the same probabilities.
            using var region = new SKBitmap();
            using var pixels = PhotoBitmaps.ToBitmap(photo);
            Assert.True(pixels.ExtractSubset(region, SKRectI.Create((int)expected.X, (int)expected.Y, (int)expected.Width, (int)expected.Height)));
            using var data = region.Encode(SKEncodedImageFormat.Png, 100);
            var single = classifier.Predict(data.ToArray());
            Assert.Equal(single.Label, face.Emotion.Label);
            Assert.Equal(single.Confidence, face.Emotion.Confidence, 4);
        }
    }

    [Fact]
    public void More_than_a_thousand_faces_in_one_photo_are_refused_before_any_is_classified()
    {
        using var photo = Photo.FromPixels(new byte[320 * 240], 320, 240, PhotoPixelFormat.Gray8);
        var many = Enumerable.Range(0, 20_000).Select(i => new DetectedFace(new FaceBox(i % 280, i % 200, 40, 40), 0.9f)).ToArray();

        var error = Assert.Throws<FerDataException>(() => classifier.PredictFaces(photo, new FixedDetector(many)));
        Assert.Contains("FixedDetector found 20,000 faces in the 320x240 photo", error.Message);
        Assert.Contains("more than the 1,000 classified in one photo", error.Message);
        Assert.Throws<FerDataException>(() => classifier.PredictFaces(photo, many.Select(f => f.Box)));
        Assert.Equal(1000, classifier.PredictFaces(photo, new FixedDetector(many[..1000])).Count);
    }

    [Fact]
    public void A_photo_without_faces_gives_an_empty_list()
    {
        using var photo = PatternPhoto(64, 64);
        Assert.Empty(classifier.PredictFaces(photo, new FixedDetector()));
    }

    [Fact]
    public void A_face_at_the_edge_is_cropped_inside_the_photo()
    {
        using var photo = PatternPhoto(100, 80);
        var face = Assert.Single(classifier.PredictFaces(photo, new FixedDetector(new DetectedFace(new FaceBox(80, 60, 30, 30), 0.7f))));
        Assert.True(face.Crop.X >= 0 && face.Crop.Y >= 0 && face.Crop.Right <= 100 && face.Crop.Bottom <= 80, face.Crop.ToString());
    }

    [Fact]
    public void Broken_detectors_are_reported_by_name()
    {
        using var photo = PatternPhoto(64, 64);
        var nullResult = Assert.Throws<InvalidOperationException>(() => classifier.PredictFaces(photo, new NullDetector()));
        Assert.Contains(nameof(NullDetector), nullResult.Message);
        var badBox = Assert.Throws<InvalidOperationException>(() => classifier.PredictFaces(photo, new FixedDetector(new DetectedFace(new FaceBox(float.NaN, 0, 10, 10), 1))));
        var nullEntry = Assert.Throws<InvalidOperationException>(() => classifier.PredictFaces(photo, new FixedDetector(new DetectedFace(new FaceBox(1, 1, 10, 10), 1), null!)));
        Assert.Contains("returned a null face at index 1", nullEntry.Message);
        Assert.Contains("invalid face box", badBox.Message);
    }

    [Fact]
    public void Annotations_are_written_as_an_image_of_the_photo_size_and_as_json()
    {
        using var photo = PatternPhoto(200, 150);
        var faces = classifier.PredictFaces(photo, new FixedDetector(new DetectedFace(new FaceBox(50, 40, 60, 60), 0.95f)));
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "out", "annotated.jpg");

        FaceAnnotations.SaveImage(photo, faces, path);
        using var saved = Photo.Load(path);
        Assert.Equal((200, 150), (saved.Width, saved.Height));

        var json = System.Text.Json.JsonDocument.Parse(FaceAnnotations.ToJson(photo, faces)).RootElement;
        Assert.Equal(200, json.GetProperty("width").GetInt32());
        var first = json.GetProperty("faces")[0];
        Assert.Equal(faces[0].Emotion.Label, first.GetProperty("emotion").GetString());
        Assert.Equal(50, first.GetProperty("box").GetProperty("x").GetDouble());
        Assert.Equal(7, first.GetProperty("probabilities").EnumerateObject().Count());
    }

    private static Photo PatternPhoto(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)(x * 3), (byte)(y * 5), (byte)((x ^ y) & 0xFF));
            }
        }

        return Photo.FromPixels(rgb, width, height, PhotoPixelFormat.Rgb24);
    }

    [Fact]
    public void Caller_given_boxes_are_cropped_and_classified_like_detected_ones()
    {
        using var photo = PatternPhoto(320, 240);
        FaceBox[] boxes = [new(40, 50, 60, 70), new(200, 100, 50, 50)];
        var detected = classifier.PredictFaces(photo, new FixedDetector([.. boxes.Select(b => new DetectedFace(b, 0.7f))]));
        var given = classifier.PredictFaces(photo, boxes);
        Assert.Equal(detected.Select(f => f.Crop), given.Select(f => f.Crop));
        Assert.Equal(detected.Select(f => f.Emotion.Probabilities.Values.ToArray()), given.Select(f => f.Emotion.Probabilities.Values.ToArray()));
        Assert.All(given, f => Assert.Equal(1f, f.Face.Confidence));
        Assert.Equal(boxes, given.Select(f => f.Face.Box));

        Assert.Empty(classifier.PredictFaces(photo, Array.Empty<FaceBox>()));
        var bad = Assert.Throws<ArgumentException>(() => classifier.PredictFaces(photo, [new FaceBox(1, 1, 10, 10), new FaceBox(0, 0, 0, 10)]));
        Assert.Contains("Face box 1", bad.Message);
    }
}
