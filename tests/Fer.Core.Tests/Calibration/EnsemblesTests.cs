using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class EnsemblesTests
{
    [Fact]
    public void An_ensemble_predicts_the_mean_of_its_members_probabilities()
    {
        using var first = Member(seed: 1);
        using var second = Member(seed: 2);
        using var third = new Sequential((1, 16, 16), seed: 3).Add(Layers.Conv2D(4, kernel: 3)).Add(Layers.ReLU()).Add(Layers.Flatten()).Add(Layers.Dense(3)).Add(Layers.Softmax());
        third.ClassNames = first.ClassNames;
        var faces = SyntheticFaces.Make(20, seed: 9);

        using var ensemble = Ensembles.Average([first, second, third]);

        Assert.True(ensemble.OutputsProbabilities);
        Assert.Equal(3, ensemble.OutputCount);
        var expected = Mean(first.Predict(faces), second.Predict(faces), third.Predict(faces));
        var actual = ensemble.Predict(faces);
        Assert.All(Enumerable.Range(0, faces.Count), i => Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(expected[i][k], actual[i][k], 5)));
        Assert.Equal(1.0, actual[0].Sum(), 5);
        Assert.Equal("model 1 + model 2 + model 3", ensemble.TrainingInfo[TrainingInfoKeys.Ensemble]);
    }

    [Fact]
    public void An_ensemble_saves_loads_and_exports_to_onnx_as_one_model()
    {
        using var first = Member(seed: 1);
        using var second = Member(seed: 2);
        OnnxParity.RandomizeBatchNorms(first, seed: 5);
        OnnxParity.RandomizeBatchNorms(second, seed: 6);
        using var ensemble = Ensembles.Average([first, second]);
        var faces = SyntheticFaces.Make(12, seed: 4);
        var expected = ensemble.Predict(faces);
        using var temp = new TempDirectory();

        ensemble.Save(temp.File("ensemble.fer"));
        using var loaded = Sequential.Load(temp.File("ensemble.fer"));
        Assert.IsType<AverageLayer>(Assert.Single(loaded.Layers));
        Assert.Equal(expected, loaded.Predict(faces));

        var pixels = Enumerable.Range(0, faces.Count).SelectMany(i => faces.GetPixels(i).ToArray()).ToArray();
        var onnx = OnnxParity.Run(OnnxExporter.Export(ensemble), pixels, ensemble.InputShape);
        Assert.InRange(OnnxParity.MaxDifference(expected, onnx), 0, 1e-5);
    }

    [Fact]
    public void Members_that_do_not_match_are_refused_with_the_reason()
    {
        using var first = Member(seed: 1);
        using var wide = new Sequential((1, 20, 20), seed: 2).Add(Layers.Flatten()).Add(Layers.Dense(3));
        using var scaled = Member(seed: 3);
        scaled.Normalization = Normalization.Fer2013;

        Assert.Contains("at least two models", Assert.Throws<ArgumentException>(() => Ensembles.Average([first])).Message);
        Assert.Contains("model 2 takes", Assert.Throws<ArgumentException>(() => Ensembles.Average([first, wide])).Message);
        Assert.Contains("model 2 normalises", Assert.Throws<ArgumentException>(() => Ensembles.Average([first, scaled])).Message);
        Assert.Throws<ArgumentNullException>(() => Ensembles.Average(null!));
    }

    [Fact]
    public void Average_layers_need_two_branches_of_one_shape()
    {
        Assert.Throws<ArgumentException>(() => Layers.Average([[Layers.Flatten()]]));
        using var model = new Sequential((1, 8, 8)).Add(Layers.Average([[Layers.Flatten(), Layers.Dense(3)], [Layers.Flatten(), Layers.Dense(4)]]));
        Assert.Contains("branch 2 outputs", Assert.Throws<FerModelException>(() => model.Build()).Message);
    }

    private static Sequential Member(int seed)
    {
        var model = SyntheticFaces.SmallNet(seed: seed);
        model.ClassNames = SyntheticFaces.Classes;
        return model;
    }

    private static float[][] Mean(params float[][][] predictions)
        => predictions[0].Select((row, i) => row.Select((_, k) => predictions.Average(p => p[i][k])).ToArray()).ToArray();
}
