using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// The embedded FER+ model loads by name, predicts FER+'s eight emotions, and reaches its documented PublicTest figures
/// on FER+'s majority labels (docs/model-card-ferplus.md); the FER2013 default model's row of the card's comparison
/// table is reproduced too.
/// </summary>
public sealed class FerPlusModelTests
{
    private const string Card = "model-card-ferplus.md";

    // FER+ PublicTest on majority labels, loaded once for the tests that read it (a skip when the data is absent).
    private static readonly Lazy<FerPlusSelection> PublicTest = new(() =>
    {
        var (pixels, votes) = SharedData.RequireFerPlus();
        return FerPlus.Load(pixels, votes).PublicTest.Select(FerPlusLabelMode.Majority);
    });

    [Fact]
    public void The_FerPlus_model_is_embedded_and_predicts_the_eight_emotions_in_one_pass()
    {
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        Assert.Equal(ClassNames.FerPlus, classifier.ClassNames);
        Assert.Equal(ImageShape.Fer2013, classifier.InputShape);
        Assert.Equal(TestTimeAugmentation.None, classifier.TestTimeAugmentation);
        Assert.Contains("FER+", classifier.TrainingInfo["data"], StringComparison.Ordinal);

        var prediction = classifier.PredictPixels(TestImages.Face(2));
        Assert.Equal(8, prediction.Probabilities.Count);
        Assert.Contains("contempt", prediction.Probabilities.Keys);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
        using var resource = typeof(EmotionClassifier).Assembly.GetManifestResourceStream("Fer.Core.Models.ferplus.fer")!;
        Assert.InRange(resource.Length, 1, 5_000_000);
    }

    [Fact]
    public void Every_embedded_model_loads_by_name_and_the_shortcuts_load_the_same_models()
    {
        foreach (var model in Enum.GetValues<EmbeddedModel>())
        {
            using var classifier = EmotionClassifier.LoadEmbedded(model);
            Assert.Equal(model is EmbeddedModel.FerPlus or EmbeddedModel.FerPlusAccurate ? ClassNames.FerPlus : ClassNames.Fer2013, classifier.ClassNames);
        }

        var face = TestImages.Face(3);
        using (var byName = EmotionClassifier.LoadEmbedded(EmbeddedModel.Default))
        using (var shortcut = EmotionClassifier.LoadDefault())
        {
            Assert.Equal(shortcut.PredictPixels(face).Probabilities, byName.PredictPixels(face).Probabilities);
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EmotionClassifier.LoadEmbedded((EmbeddedModel)99));
        Assert.Contains("FerPlus", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_FerPlus_model_reaches_its_documented_public_test_figures_on_majority_labels()
    {
        SharedData.RequireFerPlus();
        var test = PublicTest.Value;
        Assert.Equal((int)ModelCards.Number(Card, "PublicTest faces kept"), test.Kept);
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        var report = classifier.Evaluate(test.Faces);
        AssertNear(ModelCards.Percentage(Card, "PublicTest majority accuracy"), report.Metrics.Accuracy);
        AssertNear(ModelCards.Percentage(Card, "PublicTest macro F1"), report.Metrics.MacroAverage.F1);
    }

    [SkippableFact]
    public void The_FER2013_default_model_scores_on_FerPlus_labels_as_the_card_says()
    {
        SharedData.RequireFerPlus();
        var test = PublicTest.Value;
        using var classifier = EmotionClassifier.LoadDefault();
        var report = classifier.Evaluate(test.Faces);
        AssertNear(ModelCards.Percentage(Card, "FER2013 default model, PublicTest majority accuracy"), report.Metrics.Accuracy);
    }

    private static void AssertNear(double documentedPercent, double measured)
        => Assert.InRange(measured * 100, documentedPercent - 0.5, documentedPercent + 0.5);
}
