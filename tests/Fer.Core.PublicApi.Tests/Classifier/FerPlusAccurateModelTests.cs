using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// The embedded accurate FER+ model loads by name with its ten-crop and temperature, and reaches its documented
/// PublicTest figures on FER+'s majority labels (docs/model-card-ferplus-accurate.md).
/// </summary>
public sealed class FerPlusAccurateModelTests
{
    private const string Card = "model-card-ferplus-accurate.md";

    [Fact]
    public void The_accurate_FerPlus_model_is_embedded_calibrated_and_ten_crop()
    {
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        Assert.Equal(ClassNames.FerPlus, classifier.ClassNames);
        Assert.Equal(ImageShape.Fer2013, classifier.InputShape);
        Assert.Equal(TestTimeAugmentation.TenCrop, classifier.TestTimeAugmentation);
        Assert.InRange(classifier.Temperature, 0.3, 1.5);
        Assert.NotEqual(1, classifier.Temperature);
        Assert.Contains("FER+", classifier.TrainingInfo["data"], StringComparison.Ordinal);

        var face = TestImages.Face(2);
        var prediction = classifier.PredictPixels(face);
        Assert.Equal(8, prediction.Probabilities.Count);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
        classifier.TestTimeAugmentation = TestTimeAugmentation.None;
        Assert.NotEqual(prediction.Probabilities, classifier.PredictPixels(face).Probabilities);
        using var resource = typeof(EmotionClassifier).Assembly.GetManifestResourceStream("Fer.Core.Models.ferplus-accurate.fer")!;
        Assert.InRange(resource.Length, 1, 20_000_000);
    }

    [SkippableFact]
    public void The_accurate_FerPlus_model_reaches_its_documented_public_test_figures_on_majority_labels()
    {
        var (pixels, votes) = SharedData.RequireFerPlus();
        var test = FerPlus.Load(pixels, votes).PublicTest.Select(FerPlusLabelMode.Majority);
        Assert.Equal((int)ModelCards.Number(Card, "PublicTest faces kept"), test.Kept);
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        // Ten network passes per face: the stored probabilities, checked against the model on a random sample (CardPredictions).
        var probabilities = CardPredictions.For(classifier, CardPredictions.EmbeddedFile("Fer.Core.Models.ferplus-accurate.fer"), test.Faces, "ferplus-accurate-publictest");
        var metrics = CardPredictions.Metrics(test.Faces, probabilities);
        Assert.Equal(test.Kept, metrics.Count);
        Assert.InRange(metrics.Accuracy * 100, ModelCards.Percentage(Card, "PublicTest majority accuracy") - 0.5, ModelCards.Percentage(Card, "PublicTest majority accuracy") + 0.5);
        Assert.InRange(metrics.MacroAverage.F1 * 100, ModelCards.Percentage(Card, "PublicTest macro F1") - 0.5, ModelCards.Percentage(Card, "PublicTest macro F1") + 0.5);
    }
}
