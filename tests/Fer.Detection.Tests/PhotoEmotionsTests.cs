using Fer.Core;
using Fer.Datasets;

namespace Fer.Detection.Tests;

/// <summary>End to end: photo file → BlazeFace → FER2013 crops → the default model; and every kind of bad photo.</summary>
public sealed class PhotoEmotionsTests : IDisposable
{
    private readonly BlazeFaceDetector detector = new();

    public void Dispose() => detector.Dispose();

    [Fact]
    public void Every_face_of_a_group_photo_gets_an_emotion()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        var faces = classifier.PredictFaces(GroupPhotos.PathOf("group5.jpg"), detector);

        Assert.Equal((5, 0), GroupPhotos.Match(GroupPhotos.Faces["group5.jpg"], faces.Select(f => f.Face.Box)));
        Assert.All(faces, f =>
        {
            Assert.Equal(1f, f.Emotion.Probabilities.Values.Sum(), 3);
            Assert.True(f.Crop.Width > f.Face.Box.Width, "the crop adds FER2013's margin");
        });
    }

    [Fact]
    public void Bad_photo_files_end_in_clear_exceptions()
    {
        using var folder = new TempFolder();
        using var classifier = EmotionClassifier.LoadDefault();
        var original = File.ReadAllBytes(GroupPhotos.PathOf("group1.jpg"));

        Assert.Throws<FileNotFoundException>(() => classifier.PredictFaces(folder.File("missing.jpg"), detector));
        AssertRefused(folder.Write("zero.jpg", []), "empty");
        AssertRefused(folder.Write("text.jpg", "hello, not an image"u8.ToArray()), "not a readable");
        AssertRefused(folder.Write("bomb.png", ForgedImages.DecompressionBombPng()), "refused");

        // Truncated JPEGs: cut at the header, or mid-scan (decoders may fill the rest; either way no crash).
        AssertRefused(folder.Write("header-only.jpg", original[..200]), "header-only.jpg");
        var halfway = folder.Write("half.jpg", original[..(original.Length / 2)]);
        try
        {
            Assert.NotNull(classifier.PredictFaces(halfway, detector));
        }
        catch (FerDataException e)
        {
            Assert.Contains("half.jpg", e.Message);
        }

        void AssertRefused(string path, string expected)
        {
            var error = Assert.Throws<FerDataException>(() => classifier.PredictFaces(path, detector));
            Assert.Contains(expected, error.Message);
            Assert.Contains(Path.GetFileName(path), error.Message);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string path = Directory.CreateTempSubdirectory("fer-detection-").FullName;

        public string File(string name) => Path.Combine(path, name);

        public string Write(string name, byte[] bytes)
        {
            System.IO.File.WriteAllBytes(File(name), bytes);
            return File(name);
        }

        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
