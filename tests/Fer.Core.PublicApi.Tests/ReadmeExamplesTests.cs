using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>The README's code, as written, on a small synthetic stand-in for FER2013 (1 epoch instead of 30).</summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    public void The_photo_example_finds_and_classifies_every_face()
    {
        var photoPath = Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg");
        var lines = new List<string>();

        using var classifier = EmotionClassifier.LoadDefault();
        using var detector = new Fer.Detection.BlazeFaceDetector();
        foreach (FaceEmotion face in classifier.PredictFaces(photoPath, detector))
            lines.Add(face.ToString());

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.Matches(@"^\w+ \d+(\.\d)? ?% at \(x \d+, y \d+, \d+x\d+\), face \d+(\.\d)? ?%$", line));
    }

    [Fact]
    public void The_keras_style_builder_example_runs()
    {
        var all = TestImages.FaceSet(140);
        var (train, validation) = all.SplitStratified(0.2, seed: 42);
        var temp = Directory.CreateTempSubdirectory("fer-readme-");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(temp.FullName);
        try
        {
            using var model = new Sequential(inputShape: (1, 48, 48), seed: 1)
                .Add(Layers.Conv2D(32, kernel: 3, padding: Padding.Same))
                .Add(Layers.BatchNorm())
                .Add(Layers.ReLU())
                .Add(Layers.MaxPool2D(2))
                .Add(Layers.Residual([Layers.SeparableConv2D(64, 3, padding: Padding.Same), Layers.BatchNorm()],
                                     shortcut: [Layers.Conv2D(64, 1, padding: Padding.Same)], activation: ActivationKind.ReLU))
                .Add(Layers.GlobalAvgPool2D())
                .Add(Layers.Dropout(0.3))
                .Add(Layers.Dense(7));

            Assert.Contains("Total params:", model.Summary().ToString());
            model.Compile(Optimizers.Adam(1e-3), Losses.CategoricalCrossEntropy(labelSmoothing: 0.1),
                          [TrainingMetric.Accuracy, TrainingMetric.TopKAccuracy(2)], Schedules.Cosine(30));
            History history = model.Fit(train, epochs: 1, batchSize: 64, validation: validation,
                callbacks: [Callbacks.EarlyStopping(patience: 8), Callbacks.ReduceLROnPlateau(),
                            Callbacks.ModelCheckpoint("best.fer", "val_accuracy", saveBestOnly: true),
                            Callbacks.HistoryLogger("history.csv")]);
            model.Save("model.fer");
            using var again = Sequential.Load("model.fer");
            Assert.Single(history.Epochs);
            Assert.True(File.Exists("best.fer") && File.Exists("history.csv"));
            Assert.Equal(model.Predict(validation), again.Predict(validation));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_augmentation_example_builds_a_pipeline()
    {
        var augment = new AugmentationPipeline(seed: 1)
            .HorizontalFlip()
            .RandomCrop(48, padding: 4)
            .RandomAffine(degrees: 10, translate: 0.05, scale: (0.9, 1.1), shear: 5)
            .ColorJitter(brightness: 0.2, contrast: 0.2, gamma: 0.1)
            .GaussianNoise(0.02)
            .RandomErasing(p: 0.5)
            .Mixup(alpha: 0.2);
        Assert.Equal(7, augment.Steps.Count);
    }
}
