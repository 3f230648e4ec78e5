using Fer.Datasets;
using NumSharp;
using SkiaSharp;

namespace Fer.Core.PublicApi.Tests;

public sealed class EmotionClassifierPredictTests(TrainedClassifierFixture fixture) : IClassFixture<TrainedClassifierFixture>
{
    private readonly EmotionClassifier _classifier = fixture.Classifier;

    [Fact]
    public void Every_input_kind_gives_the_same_prediction_for_the_same_face()
    {
        var face = TestImages.Face(5);
        var reference = _classifier.PredictPixels(face);
        var png = TestImages.Encode(face, 48, 48, SKEncodedImageFormat.Png);
        var path = Path.Combine(Path.GetTempPath(), $"fer-face-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        try
        {
            AssertSame(reference, _classifier.Predict(path));
            using (var stream = File.OpenRead(path))
            {
                AssertSame(reference, _classifier.Predict(stream));
            }

            AssertSame(reference, _classifier.Predict(png));
            AssertSame(reference, _classifier.PredictPixels(face.Select(b => b / 255f).ToArray()));
            AssertSame(reference, _classifier.PredictNDArray(np.array(face).reshape(48, 48)));
            AssertSame(reference, _classifier.Predict(TestImages.Encode(face, 48, 48, SKEncodedImageFormat.Png, asColor: true)));
            var batch = _classifier.PredictFiles([path, path]);
            Assert.Equal(2, batch.Count);
            AssertSame(reference, batch[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_prediction_has_an_emotion_a_confidence_and_seven_probabilities()
    {
        var prediction = _classifier.PredictPixels(TestImages.Face(1));
        Assert.NotNull(prediction.Emotion);
        Assert.Equal(prediction.Label, prediction.Emotion!.Value.ToString(), ignoreCase: true);
        Assert.Equal(7, prediction.Probabilities.Count);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
        Assert.Equal(prediction.Probabilities.Values.Max(), prediction.Confidence);
        foreach (var (emotion, probability) in prediction.Probabilities)
        {
            Assert.InRange(probability, 0, 1);
            Assert.Contains(emotion, ClassNames.Fer2013);
        }
    }

    [Fact]
    public void Images_of_any_size_and_colour_become_one_face()
    {
        var large = new byte[200 * 160];
        new Random(3).NextBytes(large);
        var jpeg = TestImages.Encode(large, 200, 160, SKEncodedImageFormat.Jpeg, asColor: true);
        var prediction = _classifier.Predict(jpeg);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
    }

    [Fact]
    public void Test_time_augmentation_averages_copies()
    {
        var face = TestImages.Face(9);
        using var classifier = EmotionClassifier.FromModel(Sequential.Load(SaveTemp()));
        var plain = classifier.PredictPixels(face);
        classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
        var tenCrop = classifier.PredictPixels(face);
        classifier.TestTimeAugmentation = TestTimeAugmentation.HorizontalFlip;
        var flip = classifier.PredictPixels(face);
        Assert.Equal(1.0, tenCrop.Probabilities.Values.Sum(), 4);
        Assert.Equal(1.0, flip.Probabilities.Values.Sum(), 4);
        Assert.NotEqual(plain.Probabilities["happy"], tenCrop.Probabilities["happy"]);
    }

    [Fact]
    public void Bad_inputs_throw_exceptions_that_name_the_input()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-face.png");
        Assert.Contains("no-such-face.png", Assert.Throws<FileNotFoundException>(() => _classifier.Predict(missing)).Message);
        Assert.Contains("not a readable", Assert.Throws<FerDataException>(() => _classifier.Predict([1, 2, 3, 4, 5])).Message);
        Assert.Contains("empty (0 bytes)", Assert.Throws<FerDataException>(() => _classifier.Predict(Array.Empty<byte>())).Message);
        var truncated = TestImages.Encode(TestImages.Face(1), 48, 48, SKEncodedImageFormat.Png)[..60];
        Assert.ThrowsAny<FerDataException>(() => _classifier.Predict(truncated));
        var pixelError = Assert.Throws<FerDataException>(() => _classifier.PredictPixels(new byte[100]));
        Assert.Contains("pixels has 100 values", pixelError.Message);
        Assert.Contains("2304", pixelError.Message);
        Assert.Contains("[0, 1]", Assert.Throws<FerDataException>(() => _classifier.PredictPixels(Enumerable.Repeat(2f, 2304).ToArray())).Message);
        Assert.Contains("imagePaths is empty", Assert.Throws<ArgumentException>(() => _classifier.PredictFiles(Array.Empty<string>())).Message);
        Assert.Contains("shape (1, 32, 32)", Assert.Throws<FerDataException>(() => _classifier.PredictNDArrayBatch(np.zeros(new Shape(2, 32, 32), NPTypeCode.Byte))).Message);
    }

    [Fact]
    public void Predict_is_thread_safe()
    {
        var faces = Enumerable.Range(0, 16).Select(TestImages.Face).ToArray();
        var serial = faces.Select(f => _classifier.PredictPixels(f).Probabilities["happy"]).ToArray();
        var parallel = new float[faces.Length];
        Parallel.For(0, faces.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % faces.Length] = _classifier.PredictPixels(faces[i % faces.Length]).Probabilities["happy"]);
        Assert.Equal(serial, parallel);
    }

    private string SaveTemp()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fer-model-{Guid.NewGuid():N}.fer");
        _classifier.Save(path);
        return path;
    }

    private static void AssertSame(EmotionPrediction expected, EmotionPrediction actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        foreach (var (name, probability) in expected.Probabilities)
        {
            Assert.Equal(probability, actual.Probabilities[name], 5);
        }
    }
}
