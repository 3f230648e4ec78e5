using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>A classifier is scored on data whose classes it shares by emotion: a FER2013 model on FER+'s eight classes.</summary>
public sealed class EvaluateClassMappingTests
{
    [Fact]
    public void A_seven_class_model_is_scored_on_FER_plus_labels_by_emotion()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        var random = new Random(2);
        var pixels = new byte[16 * 48 * 48];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 16).Select(i => i % 8).ToArray();
        var faces = LabeledFaces.FromPixels(pixels, labels, classNames: ClassNames.FerPlus);

        var report = classifier.Evaluate(faces);

        Assert.Equal(ClassNames.FerPlus, report.Metrics.ClassNames);
        Assert.Equal(16, report.Metrics.Count);
        var predictions = classifier.PredictBatch(faces);
        var expected = predictions.Select((p, i) => ClassNames.FerPlus[labels[i]] == p.Label).Count(right => right) / 16.0;
        Assert.Equal(expected, report.Metrics.Accuracy, 6);
        Assert.Equal(0, report.Metrics["contempt"].Recall);   // a class the model does not have is never predicted
    }

    [Fact]
    public void Data_with_classes_the_model_does_not_share_is_refused()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        var faces = LabeledFaces.FromPixels(new byte[2 * 48 * 48], [0, 1], classNames: ["yes", "no"]);

        var error = Assert.Throws<FerDataException>(() => classifier.Evaluate(faces));
        Assert.Contains("'angry' is none of them", error.Message);
    }
}
