using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class InferencePlanTests
{
    public static TheoryData<string> ArchitectureNames => new(Architectures.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void The_plan_gives_the_modules_evaluation_outputs(string name)
    {
        using var model = Architectures.FromName(name).Build(seed: 3);
        MoveBatchNormStatistics(model, seed: 4);
        using var scope = NewDisposeScope();
        var images = randn(5, 1, 48, 48, generator: new TorchSharp.torch.Generator(5));

        var planned = model.ForwardEvaluation(images);
        model.Network.eval();
        using var noGrad = no_grad();
        var reference = model.Network.forward(images);

        Assert.Equal(reference.shape, planned.shape);
        var tolerance = 1e-4 * Math.Max(1, reference.abs().max().item<float>());
        Assert.True(planned.sub(reference).abs().max().item<float>() <= tolerance, $"{name}: max difference {planned.sub(reference).abs().max().item<float>()}");
    }

    [Fact]
    public void Training_and_restoring_weights_replace_the_plan()
    {
        var data = SyntheticFaces.Make(60, seed: 6);
        using var model = new Sequential((1, 16, 16), seed: 7)
            .Add(Layers.Conv2D(8, 3, padding: Padding.Same, useBias: false)).Add(Layers.BatchNorm()).Add(Layers.ReLU())
            .Add(Layers.GlobalAvgPool2D()).Add(Layers.Dense(3))
            .Compile(Optimizers.Adam(0.05));
        var before = model.Predict(data);
        var snapshot = SequentialFile.SnapshotWeights(model);

        model.Fit(data, epochs: 1, batchSize: 20);
        var trained = model.Predict(data);
        Assert.NotEqual(before[0], trained[0]);
        AssertClose(ReferenceProbabilities(model, data), trained);

        SequentialFile.RestoreWeights(model, snapshot);
        AssertClose(before, model.Predict(data));
    }

    private static float[][] ReferenceProbabilities(Sequential model, Fer.Datasets.LabeledFaces data)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pixels = Enumerable.Range(0, data.Count).SelectMany(i => data.GetPixels(i).ToArray()).ToArray();
        var images = model.PixelsToInput(pixels, data.Count);
        model.Network.eval();
        var probabilities = nn.functional.softmax(model.Network.forward(images), 1);
        return Enumerable.Range(0, data.Count).Select(i => probabilities[i].data<float>().ToArray()).ToArray();
    }

    private static void AssertClose(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var k = 0; k < expected[i].Length; k++)
            {
                Assert.True(Math.Abs(expected[i][k] - actual[i][k]) < 1e-5, $"image {i}, class {k}: {expected[i][k]} vs {actual[i][k]}");
            }
        }
    }

    /// <summary>Gives every batch norm non-trivial statistics and affine parameters, so that folding them is tested.</summary>
    private static void MoveBatchNormStatistics(Sequential model, int seed)
    {
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        using var noGrad = no_grad();
        var batchNorms = model.Network.modules().OfType<BatchNormModule>().ToList();
        Assert.Equal(model.Layers.Count(l => l is BatchNormalizationLayer) + ResidualBatchNorms(model), batchNorms.Count);
        foreach (var batchNorm in batchNorms)
        {
            batchNorm.running_mean!.copy_(randn(batchNorm.running_mean.shape, generator: generator).mul(0.2));
            batchNorm.running_var!.copy_(rand(batchNorm.running_var.shape, generator: generator).add(0.5));
            batchNorm.weight!.copy_(rand(batchNorm.weight.shape, generator: generator).add(0.5));
            batchNorm.bias!.copy_(randn(batchNorm.bias.shape, generator: generator).mul(0.2));
        }
    }

    private static int ResidualBatchNorms(Sequential model)
        => model.Layers.OfType<ResidualLayer>().Sum(r => r.Body.Concat(r.Shortcut).Count(l => l is BatchNormalizationLayer));
}
