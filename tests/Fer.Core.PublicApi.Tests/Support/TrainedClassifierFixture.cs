using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>A small classifier trained once per test class on synthetic 48x48 faces with the seven FER2013 classes.</summary>
public sealed class TrainedClassifierFixture : IDisposable
{
    public TrainedClassifierFixture()
    {
        Data = TestImages.FaceSet(140);
        var model = new Sequential((1, 48, 48), seed: 3)
            .Add(Layers.Conv2D(4, 3, stride: 2, padding: Padding.Same))
            .Add(Layers.ReLU())
            .Add(Layers.GlobalAvgPool2D())
            .Add(Layers.Dense(7));
        Classifier = EmotionClassifier.Train(Data, new TrainingOptions { Model = model, Epochs = 1, BatchSize = 32, Augmentation = Augmentations.None });
    }

    public LabeledFaces Data { get; }

    public EmotionClassifier Classifier { get; }

    public void Dispose() => Classifier.Dispose();
}
