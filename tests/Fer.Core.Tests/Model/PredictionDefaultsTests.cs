using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>A model's prediction defaults (test-time augmentation, calibration temperature): checked, saved, loaded, applied.</summary>
public sealed class PredictionDefaultsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(0.049)]
    [InlineData(20.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Temperatures_outside_the_accepted_range_are_refused(double temperature)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionDefaults { Temperature = temperature });
        using var classifier = Classifier();
        Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Temperature = temperature);
        Assert.Equal(1, classifier.Temperature);
    }

    [Fact]
    public void Undefined_augmentations_and_null_defaults_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionDefaults { TestTimeAugmentation = (TestTimeAugmentation)9 });
        using var model = SyntheticFaces.SmallNet();
        Assert.Throws<ArgumentNullException>(() => model.PredictionDefaults = null!);
        Assert.Same(PredictionDefaults.None, model.PredictionDefaults);
    }

    [Fact]
    public void A_saved_model_keeps_its_defaults_and_a_loaded_classifier_starts_from_them()
    {
        var path = _temp.File("calibrated.fer");
        using (var classifier = Classifier())
        {
            classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
            classifier.Temperature = 0.79;
            Assert.Equal(new PredictionDefaults { TestTimeAugmentation = TestTimeAugmentation.TenCrop, Temperature = 0.79 }, classifier.Model.PredictionDefaults);
            classifier.Save(path);
        }

        using var loaded = EmotionClassifier.Load(path);
        Assert.Equal(TestTimeAugmentation.TenCrop, loaded.TestTimeAugmentation);
        Assert.Equal(0.79, loaded.Temperature);

        using var plain = Classifier();
        Assert.Equal(TestTimeAugmentation.None, plain.TestTimeAugmentation);
        Assert.Equal(1, plain.Temperature);
    }

    [Fact]
    public void A_file_without_defaults_loads_with_none()
    {
        using var model = SyntheticFaces.SmallNet();
        model.PredictionDefaults = new PredictionDefaults { TestTimeAugmentation = TestTimeAugmentation.HorizontalFlip, Temperature = 2 };
        model.Save(_temp.File("m.fer"));
        var older = ModelFileTests.Forge(File.ReadAllBytes(_temp.File("m.fer")), header =>
        {
            var start = header.IndexOf(",\"prediction\":", StringComparison.Ordinal);
            Assert.True(start > 0, header);
            return header.Remove(start, header.IndexOf('}', start) + 1 - start);
        });

        using var loaded = Sequential.Load(older, "older.fer");
        Assert.Equal(PredictionDefaults.None, loaded.PredictionDefaults);
    }

    [Theory]
    [InlineData("\"temperature\":0.5", "\"temperature\":0", "calibration temperature 0 is outside")]
    [InlineData("\"temperature\":0.5", "\"temperature\":1E+300", "calibration temperature 1E+300 is outside")]
    [InlineData("\"temperature\":0.5", "\"temperature\":\"hot\"", "header is malformed")]
    [InlineData("\"testTimeAugmentation\":\"TenCrop\"", "\"testTimeAugmentation\":\"Rotate\"", "test-time augmentation 'Rotate' is not one of None, HorizontalFlip, TenCrop")]
    [InlineData("\"testTimeAugmentation\":\"TenCrop\"", "\"testTimeAugmentation\":\"7\"", "test-time augmentation '7'")]
    [InlineData("\"prediction\":{", "\"prediction\":[],\"x\":{", "prediction defaults are not an object")]
    public void Forged_defaults_are_refused_with_the_reason(string original, string forged, string expected)
    {
        using var model = SyntheticFaces.SmallNet();
        model.PredictionDefaults = new PredictionDefaults { TestTimeAugmentation = TestTimeAugmentation.TenCrop, Temperature = 0.5 };
        model.Save(_temp.File("m.fer"));
        var file = ModelFileTests.Forge(File.ReadAllBytes(_temp.File("m.fer")), header =>
        {
            Assert.Contains(original, header);
            return header.Replace(original, forged, StringComparison.Ordinal);
        });

        var error = Assert.Throws<FerModelException>(() => Sequential.Load(file, "forged.fer"));
        Assert.Contains("forged.fer", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_temperature_changes_confidences_as_calibration_says_but_never_the_predicted_class()
    {
        using var classifier = Classifier(seed: 4);
        var faces = SyntheticFaces.Make(24, seed: 5);
        var raw = classifier.PredictBatch(faces);
        foreach (var temperature in new[] { 0.5, 2.0 })
        {
            classifier.Temperature = temperature;
            var scaled = classifier.PredictBatch(faces);
            var expected = Calibration.Apply(raw.Select(Row).ToArray(), temperature);
            for (var i = 0; i < raw.Count; i++)
            {
                Assert.Equal(raw[i].ClassIndex, scaled[i].ClassIndex);
                Assert.Equal(expected[i], Row(scaled[i]), (a, b) => Math.Abs(a - b) < 1e-6);
                Assert.True(temperature < 1 ? scaled[i].Confidence >= raw[i].Confidence : scaled[i].Confidence <= raw[i].Confidence);
            }
        }

        float[] Row(EmotionPrediction p) => classifier.ClassNames.Select(c => p.Probabilities[c]).ToArray();
    }

    private static EmotionClassifier Classifier(int seed = 1)
    {
        var model = SyntheticFaces.SmallNet(seed);
        model.ClassNames = SyntheticFaces.Classes;
        return EmotionClassifier.FromModel(model);
    }
}
