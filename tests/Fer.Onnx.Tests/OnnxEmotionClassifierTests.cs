using Fer.Core;
using Fer.Datasets;
using Fer.Detection;

namespace Fer.Onnx.Tests;

/// <summary>The ONNX Runtime classifier predicts what Fer.Core's TorchSharp classifier predicts, for every input kind.</summary>
public sealed class OnnxEmotionClassifierTests
{
    [Fact]
    public void The_embedded_model_is_the_export_of_the_shipped_model()
    {
        using var shipped = EmotionClassifier.LoadDefault();
        EmbeddedExports.AssertCurrent(shipped, "Fer.Onnx.Models.default.onnx", "fer export training-artifacts/compactvgg-student/default.fer training-artifacts/compactvgg-student/default.onnx");
        using var onnx = OnnxEmotionClassifier.LoadDefault();
        Assert.Equal(shipped.ClassNames, onnx.ClassNames);
        Assert.Equal(shipped.InputShape, onnx.InputShape);
        Assert.Equal(shipped.TrainingInfo.OrderBy(kv => kv.Key), onnx.TrainingInfo.OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData(TestTimeAugmentation.None)]
    [InlineData(TestTimeAugmentation.HorizontalFlip)]
    [InlineData(TestTimeAugmentation.TenCrop)]
    public void Real_faces_get_the_same_probabilities_as_with_TorchSharp(TestTimeAugmentation mode)
    {
        using var torch = EmotionClassifier.LoadDefault();
        using var onnx = OnnxEmotionClassifier.LoadDefault();
        torch.TestTimeAugmentation = onnx.TestTimeAugmentation = mode;
        var faces = RealFaces.Pixels();

        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));
    }

    [Fact]
    public void Every_input_kind_gives_the_TorchSharp_result()
    {
        using var torch = EmotionClassifier.LoadDefault();
        using var onnx = OnnxEmotionClassifier.LoadDefault();
        AssertInputKindsAgree(torch, onnx);
    }

    /// <summary>Through the shared interface, as an app that switches classifiers uses them.</summary>
    private static void AssertInputKindsAgree(IEmotionPredictor torch, IEmotionPredictor onnx)
    {
        var path = Path.Combine(RealFaces.PhotosFolder(), "group2.jpg");
        var bytes = File.ReadAllBytes(path);
        using var photo = Photo.Load(path);
        var face = RealFaces.Pixels().AsSpan(0, 48 * 48).ToArray();
        var unit = face.Select(p => p / 255f).ToArray();

        PredictionComparison.AssertSame(torch.Predict(path), onnx.Predict(path));
        PredictionComparison.AssertSame(torch.Predict(bytes), onnx.Predict(bytes));
        PredictionComparison.AssertSame(torch.Predict(new MemoryStream(bytes)), onnx.Predict(new MemoryStream(bytes)));
        PredictionComparison.AssertSame(torch.Predict(photo), onnx.Predict(photo));
        PredictionComparison.AssertSame(torch.PredictPixels(face), onnx.PredictPixels(face));
        PredictionComparison.AssertSame(torch.PredictPixels(unit), onnx.PredictPixels(unit));
        PredictionComparison.AssertSame(torch.PredictFiles([path, path]), onnx.PredictFiles([path, path]));
    }

    [Fact]
    public void Faces_of_a_photo_are_found_cropped_and_classified_alike()
    {
        using var torch = EmotionClassifier.LoadDefault();
        using var onnx = OnnxEmotionClassifier.LoadDefault();
        AssertFacesAgree(torch, onnx);
    }

    private static void AssertFacesAgree(IEmotionPredictor torch, IEmotionPredictor onnx)
    {
        using var detector = new BlazeFaceDetector();
        foreach (var (path, boxes) in RealFaces.Boxes())
        {
            using var photo = Photo.Load(path);
            var expected = torch.PredictFaces(photo, detector);
            var actual = onnx.PredictFaces(path, detector);
            Assert.Equal(boxes.Length, actual.Count);
            Assert.Equal(expected.Select(f => f.Crop), actual.Select(f => f.Crop));
            PredictionComparison.AssertSame(expected.Select(f => f.Emotion).ToList(), actual.Select(f => f.Emotion).ToList());
            PredictionComparison.AssertSame(
                torch.PredictFaces(photo, boxes).Select(f => f.Emotion).ToList(),
                onnx.PredictFaces(photo, boxes).Select(f => f.Emotion).ToList());
        }
    }

    [SkippableFact]
    public void The_PublicTest_argmax_agrees_on_at_least_99_9_percent_of_faces()
    {
        var test = Fer2013.Load(SharedData.RequireCsv())[Fer2013Split.PublicTest];
        using var torch = EmotionClassifier.LoadDefault();
        using var onnx = OnnxEmotionClassifier.LoadDefault();
        var pixels = new byte[test.Count * 48 * 48];
        for (var i = 0; i < test.Count; i++)
        {
            test.GetPixels(i).CopyTo(pixels.AsSpan(i * 48 * 48));
        }

        var expected = torch.PredictPixelBatch(pixels);
        var actual = onnx.PredictPixelBatch(pixels);

        var agreeing = expected.Zip(actual).Count(p => p.First.ClassIndex == p.Second.ClassIndex);
        Assert.True(agreeing >= 0.999 * test.Count, $"{agreeing} of {test.Count} agree");
        Assert.InRange(PredictionComparison.MaxDifference(expected, actual), 0, 1e-4);
    }

    [Fact]
    public void Bad_inputs_get_the_same_exceptions_as_with_TorchSharp()
    {
        using var onnx = OnnxEmotionClassifier.LoadDefault();

        Assert.Throws<FileNotFoundException>(() => onnx.Predict("no-such-face.jpg"));
        Assert.Throws<FerDataException>(() => onnx.Predict([1, 2, 3]));
        Assert.Throws<FerDataException>(() => onnx.PredictPixels(new byte[47 * 48]));
        Assert.Throws<FerDataException>(() => onnx.PredictPixels(Enumerable.Repeat(2f, 48 * 48).ToArray()));
        Assert.Throws<FerDataException>(() => onnx.PredictPixelBatch(new byte[(48 * 48) + 1]));
        Assert.Throws<ArgumentException>(() => onnx.PredictFiles([]));
        using var photo = Photo.Load(Path.Combine(RealFaces.PhotosFolder(), "group1.jpg"));
        Assert.Throws<ArgumentException>(() => onnx.PredictFaces(photo, [new FaceBox(1, 1, 0, 5)]));
        Assert.Empty(onnx.PredictFaces(photo, Array.Empty<FaceBox>()));
    }

    [Fact]
    public void Options_set_the_threads_and_the_session()
    {
        var configured = false;
        using var classifier = OnnxEmotionClassifier.Load(
            DefaultModelBytes(), "default", new OnnxClassifierOptions { Threads = 1, ConfigureSession = _ => configured = true });

        Assert.True(configured);
        Assert.Equal(7, classifier.PredictPixels(new byte[48 * 48]).Probabilities.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxEmotionClassifier.Load(DefaultModelBytes(), "default", new OnnxClassifierOptions { Threads = -1 }));
    }

    internal static byte[] DefaultModelBytes()
    {
        using var resource = typeof(OnnxEmotionClassifier).Assembly.GetManifestResourceStream("Fer.Onnx.Models.default.onnx")!;
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    }
}
