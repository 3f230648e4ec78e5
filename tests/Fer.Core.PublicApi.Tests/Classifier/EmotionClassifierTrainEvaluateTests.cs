using System.Text.Json;
using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

public sealed class EmotionClassifierTrainEvaluateTests
{
    [SkippableFact]
    public void Trains_briefly_on_a_real_subset_then_predicts_evaluates_saves_and_loads()
    {
        var data = Fer2013.Load(SharedData.RequireCsv());
        var train = data.Training.SampleStratified(1400, seed: 1);
        var test = data.PublicTest.SampleStratified(350, seed: 1);
        var reports = 0;
        using var classifier = EmotionClassifier.Train(train, new TrainingOptions
        {
            Architecture = Architectures.MiniXception,
            Epochs = 2,
            BatchSize = 64,
            ValidationSplit = 0.1,
            ClassWeighting = ClassWeighting.InverseFrequency,
            Seed = 7,
        }, new InlineProgress(_ => reports++));

        Assert.True(reports > 0);
        Assert.Equal(2, classifier.History!.Epochs.Count);
        Assert.Contains("val_accuracy", classifier.History.Keys);

        var report = classifier.Evaluate(test);
        Assert.Equal(test.Count, report.Metrics.Count);
        Assert.InRange(report.Metrics.Accuracy, 0.0, 1.0);
        Assert.Equal(7, report.Metrics.PerClass.Count);
        Assert.Contains("macro avg", report.ToString());

        var temp = Directory.CreateTempSubdirectory("fer-api-");
        try
        {
            var modelPath = Path.Combine(temp.FullName, "model.fer");
            classifier.Save(modelPath);
            using var loaded = EmotionClassifier.Load(modelPath);
            Assert.Equal(report.Metrics.Accuracy, loaded.Evaluate(test).Metrics.Accuracy);
            Assert.Equal("MiniXception", loaded.TrainingInfo[TrainingInfoKeys.Architecture]);
            var face = test.GetPixels(0).ToArray();
            Assert.Equal(classifier.PredictPixels(face).Probabilities["happy"], loaded.PredictPixels(face).Probabilities["happy"]);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void Evaluation_reports_export_text_json_csv_and_pictures()
    {
        using var fixture = new TrainedClassifierFixture();
        var report = fixture.Classifier.Evaluate(fixture.Data);
        var temp = Directory.CreateTempSubdirectory("fer-report-");
        try
        {
            report.SaveJson(Path.Combine(temp.FullName, "report.json"));
            report.SaveCsv(Path.Combine(temp.FullName, "report.csv"));
            report.SaveConfusionMatrixPng(Path.Combine(temp.FullName, "confusion.png"));
            report.SaveTrainingCurvesPng(Path.Combine(temp.FullName, "curves.png"));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.FullName, "report.json")));
            Assert.Equal(report.Metrics.Accuracy, json.RootElement.GetProperty("accuracy").GetDouble());
            Assert.Equal(7, json.RootElement.GetProperty("confusionMatrix").GetArrayLength());
            var csv = File.ReadAllLines(Path.Combine(temp.FullName, "report.csv"));
            Assert.Equal("class,precision,recall,f1,support", csv[0]);
            Assert.Equal(1 + 7 + 3, csv.Length);
            foreach (var png in new[] { "confusion.png", "curves.png" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(temp.FullName, png));
                Assert.True(bytes.Length > 1000);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var data = LabeledFaces.FromPixels(new byte[14 * 2304], Enumerable.Range(0, 14).Select(i => i % 7).ToArray());
        var error = Assert.Throws<ArgumentException>(() => EmotionClassifier.Train(data, new TrainingOptions { Epochs = 0, BatchSize = -1, LabelSmoothing = 2 }));
        Assert.Contains("Epochs must be positive, but was 0", error.Message);
        Assert.Contains("BatchSize must be positive, but was -1", error.Message);
        Assert.Contains("LabelSmoothing must be in [0, 1), but was 2", error.Message);
    }

    [Fact]
    public void Training_honours_cancellation()
    {
        var data = LabeledFaces.FromPixels(new byte[14 * 2304], Enumerable.Range(0, 14).Select(i => i % 7).ToArray());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EmotionClassifier.Train(data, new TrainingOptions { Epochs = 2 }, cancellationToken: cancel.Token));
    }

    [Fact]
    public void Evaluating_other_classes_is_refused()
    {
        using var fixture = new TrainedClassifierFixture();
        var other = LabeledFaces.FromPixels(new byte[2 * 2304], [0, 1], classNames: ["a", "b"]);
        Assert.Contains("[a, b]", Assert.Throws<FerDataException>(() => fixture.Classifier.Evaluate(other)).Message);
    }

    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
