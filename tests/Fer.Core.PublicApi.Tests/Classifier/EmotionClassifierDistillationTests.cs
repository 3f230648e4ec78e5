using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

public sealed class EmotionClassifierDistillationTests
{
    private static Sequential TinyStudent() => new Sequential((1, 48, 48), seed: 5)
        .Add(Layers.Conv2D(4, 3, stride: 2, padding: Padding.Same))
        .Add(Layers.ReLU())
        .Add(Layers.GlobalAvgPool2D())
        .Add(Layers.Dense(7));

    [Fact]
    public void A_classifier_trains_from_the_default_model_as_teacher_and_records_it()
    {
        var data = TestImages.FaceSet(140);
        using var teacher = EmotionClassifier.LoadDefault();
        using var classifier = EmotionClassifier.Train(data, new TrainingOptions
        {
            Model = TinyStudent(),
            Epochs = 1,
            BatchSize = 32,
            Augmentation = Augmentations.None,
            Distillation = Losses.DistillFrom(teacher.Model, temperature: 3, weight: 0.7),
        });

        Assert.Equal("KnowledgeDistillation(teacher=CompactVgg, T=3, w=0.7)", classifier.TrainingInfo[TrainingInfoKeys.Distillation]);
        Assert.True(double.IsFinite(classifier.History!["loss"][0]));
        Assert.Equal(7, classifier.PredictPixels(data.GetPixels(0).ToArray()).Probabilities.Count);
    }

    [Fact]
    public void A_teacher_with_another_normalisation_is_refused_before_training()
    {
        var data = TestImages.FaceSet(35);
        using var teacher = EmotionClassifier.LoadDefault();
        var error = Assert.Throws<FerModelException>(() => EmotionClassifier.Train(data, new TrainingOptions
        {
            Model = TinyStudent(),
            Epochs = 1,
            Normalization = Normalization.UnitRange,
            Distillation = Losses.DistillFrom(teacher.Model),
        }));
        Assert.Contains("normalises images", error.Message);
    }
}
