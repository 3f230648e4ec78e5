using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>The embedded accurate model (an ensemble) loads with its defaults and reaches its documented PublicTest figures (docs/model-card-accurate.md).</summary>
public sealed class AccurateModelTests
{
    private const string Card = "model-card-accurate.md";

    [Fact]
    public void The_accurate_model_is_an_embedded_calibrated_ten_crop_ensemble()
    {
        using var classifier = EmotionClassifier.LoadAccurate();
        Assert.Equal(ClassNames.Fer2013, classifier.ClassNames);
        Assert.Equal(ImageShape.Fer2013, classifier.InputShape);
        Assert.Equal(TestTimeAugmentation.TenCrop, classifier.TestTimeAugmentation);
        Assert.InRange(classifier.Temperature, 0.5, 1.5);
        Assert.NotEqual(1, classifier.Temperature);
        Assert.True(classifier.TrainingInfo["members"].Split(", ").Length >= 3, classifier.TrainingInfo["members"]);

        var prediction = classifier.PredictPixels(TestImages.Face(2));
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
        using var resource = typeof(EmotionClassifier).Assembly.GetManifestResourceStream("Fer.Core.Models.accurate.fer")!;
        Assert.InRange(resource.Length, 1, 20_000_000);
    }

    [Fact]
    public void Accurate_and_default_are_independent_instances()
    {
        using var accurate = EmotionClassifier.LoadAccurate();
        using var other = EmotionClassifier.LoadAccurate();
        accurate.TestTimeAugmentation = TestTimeAugmentation.None;
        Assert.Equal(TestTimeAugmentation.TenCrop, other.TestTimeAugmentation);
        using var fallback = EmotionClassifier.LoadDefault();
        Assert.Equal(TestTimeAugmentation.None, fallback.TestTimeAugmentation);
        Assert.Equal(1, fallback.Temperature);
    }

    [SkippableFact]
    public void The_accurate_model_reaches_its_documented_public_test_figures()
    {
        var accuracy = ModelCards.Percentage(Card, "PublicTest accuracy");
        var macroF1 = ModelCards.Percentage(Card, "PublicTest macro F1");
        var data = Fer2013.Load(SharedData.RequireCsv());
        using var classifier = EmotionClassifier.LoadAccurate();
        // 30 network passes per face: the stored probabilities, checked against the model on a random sample (CardPredictions).
        var probabilities = CardPredictions.For(classifier, CardPredictions.EmbeddedFile("Fer.Core.Models.accurate.fer"), data.PublicTest, "accurate-publictest");
        var metrics = CardPredictions.Metrics(data.PublicTest, probabilities);
        Assert.Equal(3589, metrics.Count);
        Assert.InRange(metrics.Accuracy * 100, accuracy - 0.5, accuracy + 0.5);
        Assert.InRange(metrics.MacroAverage.F1 * 100, macroF1 - 0.5, macroF1 + 0.5);
    }
}
