using System.Globalization;
using System.Text.RegularExpressions;
using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>The embedded default model loads, predicts, and reaches its documented PublicTest accuracy and macro F1 (docs/model-card.md).</summary>
public sealed partial class DefaultModelTests
{
    [Fact]
    public void The_default_model_is_embedded_and_predicts_the_seven_emotions()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        Assert.Equal(ClassNames.Fer2013, classifier.ClassNames);
        Assert.Equal(ImageShape.Fer2013, classifier.InputShape);
        var prediction = classifier.PredictPixels(TestImages.Face(2));
        Assert.NotNull(prediction.Emotion);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
    }

    [SkippableFact]
    public void The_default_model_reaches_its_documented_public_test_figures()
    {
        var documented = ModelCards.Percentage("model-card.md", "PublicTest accuracy");
        var macroF1 = ModelCards.Percentage("model-card.md", "PublicTest macro F1");
        var data = Fer2013.Load(SharedData.RequireCsv());
        using var classifier = EmotionClassifier.LoadDefault();
        var report = classifier.Evaluate(data.PublicTest);
        Assert.Equal(3589, report.Metrics.Count);
        Assert.InRange(report.Metrics.Accuracy * 100, documented - 0.5, documented + 0.5);
        Assert.InRange(report.Metrics.MacroAverage.F1 * 100, macroF1 - 0.5, macroF1 + 0.5);
        Assert.Equal(TestTimeAugmentation.None, classifier.TestTimeAugmentation);
    }

    [Fact]
    public void Undoing_the_recorded_logit_adjustment_as_the_model_card_says_lowers_every_disgust_probability()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        var recorded = LogitAdjustmentRecord().Match(classifier.TrainingInfo["logitAdjustment"]);
        Assert.True(recorded.Success, classifier.TrainingInfo["logitAdjustment"]);
        var tau = double.Parse(recorded.Groups[1].Value, CultureInfo.InvariantCulture);
        var priors = recorded.Groups[2].Value.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1.0, priors.Sum(), 3);
        var faces = Enumerable.Range(0, 8).Select(TestImages.Face).ToArray();
        var adjusted = faces.Select(f => classifier.PredictPixels(f).Probabilities["disgust"]).ToArray();

        var bias = classifier.Model.GetWeights()["dense.bias"];
        for (var c = 0; c < priors.Length; c++)
        {
            bias[c] = (float)(bias.GetSingle(c) + (tau * Math.Log(priors[c])));
        }

        classifier.Model.SetWeights(new Dictionary<string, NumSharp.NDArray> { ["dense.bias"] = bias });
        var unadjusted = faces.Select(f => classifier.PredictPixels(f).Probabilities["disgust"]).ToArray();
        Assert.All(adjusted.Zip(unadjusted), pair => Assert.True(pair.Second < pair.First, $"{pair.Second} is not below {pair.First}"));
    }

    [GeneratedRegex(@"^tau (\d\.\d) times log class prior subtracted from the output bias \(priors ([0-9. ]+)\)")]
    private static partial Regex LogitAdjustmentRecord();
}
