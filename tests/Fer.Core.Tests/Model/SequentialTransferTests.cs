using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>
/// <see cref="Sequential.TransferWeightsFrom"/> and <see cref="TrainingOptions.StartFrom"/>: a trained model starts
/// another of the same architecture, its classifier rows matched by emotion whatever the class order.
/// </summary>
public sealed class SequentialTransferTests
{
    private static Sequential Net(int classes, IReadOnlyList<string> names, int seed)
    {
        var model = new Sequential((1, 16, 16), seed)
            .Add(Layers.Conv2D(8, kernel: 3, padding: Padding.Same))
            .Add(Layers.BatchNorm())
            .Add(Layers.ReLU())
            .Add(Layers.GlobalAvgPool2D())
            .Add(Layers.Dense(classes));
        model.ClassNames = names;
        return model;
    }

    [Fact]
    public void A_FER2013_model_starts_a_FerPlus_model_with_rows_matched_by_emotion_and_contempt_fresh()
    {
        using var trained = Net(7, ClassNames.Fer2013, seed: 1);
        using var target = Net(8, ClassNames.FerPlus, seed: 2);
        var freshContempt = target.GetWeights()["dense.weight"].ToArray<float>().Skip(7 * 8).ToArray();

        var fresh = target.TransferWeightsFrom(trained);

        Assert.Equal(["contempt"], fresh);
        var source = trained.GetWeights();
        var copied = target.GetWeights();
        Assert.Equal(source["conv2d.conv.weight"].ToArray<float>(), copied["conv2d.conv.weight"].ToArray<float>());
        Assert.Equal(source["batchnormalization.running_var"].ToArray<float>(), copied["batchnormalization.running_var"].ToArray<float>());
        var sourceRows = source["dense.weight"].ToArray<float>();
        var targetRows = copied["dense.weight"].ToArray<float>();
        for (var row = 0; row < 7; row++)
        {
            // FER+'s row `row` (neutral, happy, …, fear) holds FER2013's row of the same emotion.
            var from = ClassNames.Fer2013.ToList().FindIndex(n => ClassNames.ToEmotion(n) == ClassNames.ToEmotion(ClassNames.FerPlus[row]));
            Assert.Equal(sourceRows.Skip(from * 8).Take(8), targetRows.Skip(row * 8).Take(8));
            Assert.Equal(source["dense.bias"].GetSingle(from), copied["dense.bias"].GetSingle(row));
        }

        Assert.Equal(freshContempt, targetRows.Skip(7 * 8));
    }

    [Fact]
    public void The_same_classes_in_another_order_are_matched_by_name()
    {
        using var trained = Net(3, ["cat", "dog", "bird"], seed: 1);
        using var target = Net(3, ["bird", "cat", "dog"], seed: 2);
        Assert.Empty(target.TransferWeightsFrom(trained));
        var bias = trained.GetWeights()["dense.bias"];
        var copied = target.GetWeights()["dense.bias"];
        Assert.Equal([bias.GetSingle(2), bias.GetSingle(0), bias.GetSingle(1)], copied.ToArray<float>());
    }

    [Fact]
    public void Different_architectures_and_missing_class_names_are_refused_by_name()
    {
        using var trained = Net(7, ClassNames.Fer2013, seed: 1);
        using var wider = new Sequential((1, 16, 16), 1).Add(Layers.Conv2D(16, kernel: 3, padding: Padding.Same)).Add(Layers.BatchNorm())
            .Add(Layers.ReLU()).Add(Layers.GlobalAvgPool2D()).Add(Layers.Dense(7));
        wider.ClassNames = ClassNames.Fer2013;
        Assert.Contains("'conv2d.conv.weight' has shape (8, 1, 3, 3) in the trained model and (16, 1, 3, 3) here", Assert.Throws<FerModelException>(() => wider.TransferWeightsFrom(trained)).Message);

        using var unnamed = Net(7, ClassNames.Fer2013, seed: 2);
        unnamed.ClassNames = null;
        Assert.Contains("ClassNames", Assert.Throws<FerModelException>(() => unnamed.TransferWeightsFrom(trained)).Message);
    }

    [Fact]
    public void Training_with_StartFrom_fine_tunes_the_trained_weights_and_records_where_it_started()
    {
        var faces = SyntheticFaces.Make(30, seed: 3);
        using var trained = EmotionClassifier.Train(faces, new TrainingOptions { Model = SyntheticFaces.SmallNet(seed: 1), Epochs = 1, BatchSize = 10, Augmentation = new AugmentationPipeline(1) });
        var start = trained.Model.GetWeights()["conv2d.conv.weight"].ToArray<float>();

        using var tuned = EmotionClassifier.Train(faces, new TrainingOptions
        {
            Model = SyntheticFaces.SmallNet(seed: 9),
            StartFrom = trained.Model,
            Optimizer = Optimizers.Sgd(1e-6),
            Epochs = 1,
            BatchSize = 10,
            Augmentation = new AugmentationPipeline(1),
        });

        var after = tuned.Model.GetWeights()["conv2d.conv.weight"].ToArray<float>();
        Assert.All(start.Zip(after), pair => Assert.Equal(pair.First, pair.Second, 1e-4));
        using var fresh = SyntheticFaces.SmallNet(seed: 9);
        Assert.NotEqual(start, fresh.GetWeights()["conv2d.conv.weight"].ToArray<float>());
        Assert.Contains("classes [horizontal, vertical, diagonal]", tuned.TrainingInfo[TrainingInfoKeys.StartedFrom], StringComparison.Ordinal);
    }
}
