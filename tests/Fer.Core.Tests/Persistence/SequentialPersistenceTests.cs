using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class SequentialPersistenceTests
{
    [Fact]
    public void Save_then_load_gives_identical_predictions_and_metadata()
    {
        using var temp = new TempDirectory();
        var data = SyntheticFaces.Make(120, seed: 7);
        using var model = SyntheticFaces.SmallNet().Compile();
        model.Normalization = Normalization.SymmetricRange;
        model.TrainingInfo["recipe"] = "test";
        model.Fit(data, epochs: 1, batchSize: 16);
        var path = temp.File("model.fer");
        model.Save(path);

        using var loaded = Sequential.Load(path);
        Assert.Equal(model.Predict(data), loaded.Predict(data));
        Assert.Equal(SyntheticFaces.Classes, loaded.ClassNames);
        Assert.Equal(Normalization.SymmetricRange, loaded.Normalization);
        Assert.Equal("test", loaded.TrainingInfo["recipe"]);
        Assert.Equal(model.InputShape, loaded.InputShape);
        Assert.Equal(model.Summary().ToString(), loaded.Summary().ToString());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Every_layer_kind_round_trips()
    {
        using var temp = new TempDirectory();
        using var model = new Sequential((1, 16, 16), seed: 3)
            .Add(Layers.Conv2D(8, 3, stride: 2, padding: Padding.Same, useBias: false))
            .Add(Layers.BatchNorm(0.9, 1e-5))
            .Add(Layers.Activation(ActivationKind.LeakyReLU))
            .Add(Layers.Residual(
                [Layers.SeparableConv2D(16, 3, padding: Padding.Same, depthMultiplier: 2), Layers.BatchNorm(), Layers.MaxPool2D(3, 2, Padding.Same)],
                [Layers.Conv2D(16, 1, stride: 2, padding: Padding.Same)],
                ActivationKind.ReLU))
            .Add(Layers.AvgPool2D(2, 1, Padding.Same))
            .Add(Layers.GlobalAvgPool2D())
            .Add(Layers.Dropout(0.25))
            .Add(Layers.Dense(3))
            .Add(Layers.Softmax());
        var images = SyntheticFaces.Make(9, 1);
        model.Save(temp.File("all.fer"));
        using var loaded = Sequential.Load(temp.File("all.fer"));
        Assert.Equal(model.Layers.Select(l => l.ToString()), loaded.Layers.Select(l => l.ToString()));
        Assert.Equal(model.Predict(images), loaded.Predict(images));
    }

    [Fact]
    public void Resumed_training_equals_uninterrupted_training()
    {
        using var temp = new TempDirectory();
        var train = SyntheticFaces.Make(96, seed: 11);
        var validation = SyntheticFaces.Make(30, seed: 12);
        var augmentation = new AugmentationPipeline(seed: 3);
        Sequential NewModel() => SyntheticFaces.SmallNet(seed: 9).Compile(Optimizers.Adam(0.01), schedule: Schedules.Cosine(4));
        Callback[] NewCallbacks(string dir) => [Callbacks.ReduceLROnPlateau("val_loss", factor: 0.5, patience: 0), Callbacks.BackupAndRestore(dir)];

        using var uninterrupted = NewModel();
        var full = uninterrupted.Fit(train, epochs: 4, batchSize: 16, validation: validation, callbacks: NewCallbacks(temp.File("a")), augmentation: augmentation);

        using (var first = NewModel())
        {
            var stopAfterTwo = new StopAfter(2);
            Assert.Throws<OperationCanceledException>(() =>
                first.Fit(train, epochs: 4, batchSize: 16, validation: validation, callbacks: [.. NewCallbacks(temp.File("b")), stopAfterTwo], augmentation: augmentation));
        }

        Assert.True(File.Exists(Path.Combine(temp.File("b"), "training-state.fer")));
        using var resumed = NewModel();
        var rest = resumed.Fit(train, epochs: 4, batchSize: 16, validation: validation, callbacks: [.. NewCallbacks(temp.File("b")), new StopAfter(99)], augmentation: augmentation);

        Assert.Equal(4, rest.Epochs.Count);
        Assert.Equal(full["loss"], rest["loss"]);
        Assert.Equal(full["val_loss"], rest["val_loss"]);
        Assert.Equal(full.Epochs.Select(e => e.LearningRate), rest.Epochs.Select(e => e.LearningRate));
        Assert.Equal(uninterrupted.Predict(validation), resumed.Predict(validation));
        Assert.False(File.Exists(Path.Combine(temp.File("b"), "training-state.fer")));
    }

    /// <summary>Simulates a run that is stopped after a number of epochs, as a killed process would be.</summary>
    private sealed class StopAfter(int epochs) : Callback
    {
        public override void OnEpochEnd(EpochLogs logs)
        {
            if (logs.Epoch == epochs)
            {
                throw new OperationCanceledException("stopped by the test");
            }
        }
    }
}
