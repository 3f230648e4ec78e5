using System.Globalization;
using System.Text.RegularExpressions;
using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>The embedded default model loads, predicts, and reaches its documented PublicTest accuracy (docs/model-card.md).</summary>
public sealed partial class DefaultModelTests
{
    [Fact]
    public void The_default_model_is_embedded_and_predicts_the_seven_emotions()
    {
        using var classifier = EmotionClassifier.Default;
        Assert.Equal(ClassNames.Fer2013, classifier.ClassNames);
        Assert.Equal(ImageShape.Fer2013, classifier.InputShape);
        var prediction = classifier.PredictPixels(TestImages.Face(2));
        Assert.NotNull(prediction.Emotion);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 4);
    }

    [SkippableFact]
    public void The_default_model_reaches_its_documented_public_test_accuracy()
    {
        var documented = DocumentedAccuracy();
        var data = Fer2013.Load(SharedData.RequireCsv());
        using var classifier = EmotionClassifier.Default;
        var report = classifier.Evaluate(data.PublicTest);
        Assert.Equal(3589, report.Metrics.Count);
        Assert.InRange(report.Metrics.Accuracy * 100, documented - 0.5, documented + 0.5);
    }

    /// <summary>Reads "PublicTest accuracy: NN.NN%" from docs/model-card.md.</summary>
    private static double DocumentedAccuracy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var card = Path.Combine(dir.FullName, "docs", "model-card.md");
            if (File.Exists(card))
            {
                var match = AccuracyLine().Match(File.ReadAllText(card));
                Assert.True(match.Success, "docs/model-card.md has no line 'PublicTest accuracy: NN.NN%'.");
                return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        throw new FileNotFoundException("docs/model-card.md was not found above the test folder.");
    }

    [GeneratedRegex(@"PublicTest accuracy: (\d+\.\d+)%")]
    private static partial Regex AccuracyLine();
}
