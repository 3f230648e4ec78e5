using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>Fit learns from distribution targets in each of FER+'s ways, and refuses multi-target faces with a loss that would misread them.</summary>
public sealed class DistributionTrainingTests
{
    /// <summary>The synthetic faces with soft targets: for a third of them 0.7 on the true class and 0.3 on another, drawn per face; the true class alone for the rest.</summary>
    private static LabeledFaces Soft(LabeledFaces faces, TargetKind kind)
    {
        var random = new Random(4);
        var distributions = new float[faces.Count * 3];
        for (var i = 0; i < faces.Count; i++)
        {
            var mixed = random.Next(3) == 0;
            distributions[(i * 3) + faces.Labels[i]] = mixed ? 0.7f : 1f;
            distributions[(i * 3) + ((faces.Labels[i] + random.Next(1, 3)) % 3)] += mixed ? 0.3f : 0f;
        }

        var pixels = Enumerable.Range(0, faces.Count).SelectMany(i => faces.GetPixels(i).ToArray()).ToArray();
        return LabeledFaces.FromDistributions(pixels, distributions, kind, faces.Shape, faces.ClassNames);
    }

    [Theory]
    [InlineData(TargetKind.Distribution)]
    [InlineData(TargetKind.DrawnLabel)]
    [InlineData(TargetKind.AnyOfLabels)]
    public void Each_kind_of_target_is_learned(TargetKind kind)
    {
        var train = Soft(SyntheticFaces.Make(600, seed: 1), kind);
        var test = SyntheticFaces.Make(300, seed: 2);
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Adam(0.01), kind == TargetKind.AnyOfLabels ? Losses.MultiTarget() : Losses.CategoricalCrossEntropy());

        model.Fit(train, epochs: 6, batchSize: 32);

        Assert.True(model.Evaluate(test)["accuracy"] > 0.9, $"{kind}: accuracy {model.Evaluate(test)["accuracy"]}");
    }

    [Fact]
    public void Multi_target_faces_need_the_multi_target_loss()
    {
        var train = Soft(SyntheticFaces.Make(12, seed: 1), TargetKind.AnyOfLabels);
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Adam(0.01), Losses.CategoricalCrossEntropy());

        var error = Assert.Throws<FerModelException>(() => model.Fit(train));
        Assert.Contains("Losses.MultiTarget()", error.Message);
    }
}
