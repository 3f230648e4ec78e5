using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

/// <summary>
/// Output shapes and parameter counts of each layer, against values worked out by hand from the Keras
/// definitions (e.g. Conv2D params = k·k·in·filters + filters), and against a real forward pass.
/// </summary>
public sealed class LayerShapeTests
{
    public static TheoryData<string, int[], Layer, int[], long> Cases => new()
    {
        { "conv same", [1, 48, 48], Layers.Conv2D(32, 3, padding: Padding.Same), [32, 48, 48], (3 * 3 * 1 * 32) + 32 },
        { "conv valid", [1, 48, 48], Layers.Conv2D(32, 3), [32, 46, 46], 320 },
        { "conv stride 2 same", [3, 48, 48], Layers.Conv2D(16, 3, stride: 2, padding: Padding.Same), [16, 24, 24], (3 * 3 * 3 * 16) + 16 },
        { "conv stride 2 same odd", [1, 47, 47], Layers.Conv2D(4, 3, stride: 2, padding: Padding.Same), [4, 24, 24], 40 },
        { "conv stride 2 valid", [1, 48, 48], Layers.Conv2D(8, 3, stride: 2), [8, 23, 23], 80 },
        { "conv 5x5 no bias", [8, 12, 12], Layers.Conv2D(16, 5, padding: Padding.Same, useBias: false), [16, 12, 12], 5 * 5 * 8 * 16 },
        { "conv 1x1 stride 2", [8, 12, 12], Layers.Conv2D(16, 1, stride: 2, padding: Padding.Same), [16, 6, 6], (8 * 16) + 16 },
        { "separable", [32, 24, 24], Layers.SeparableConv2D(64, 3, padding: Padding.Same), [64, 24, 24], (3 * 3 * 32) + (32 * 64) + 64 },
        { "separable no bias", [16, 12, 12], Layers.SeparableConv2D(32, 3, padding: Padding.Same, useBias: false), [32, 12, 12], (3 * 3 * 16) + (16 * 32) },
        { "batchnorm 2d", [32, 24, 24], Layers.BatchNorm(), [32, 24, 24], 4 * 32 },
        { "batchnorm 1d", [128], Layers.BatchNorm(), [128], 4 * 128 },
        { "relu", [8, 4, 4], Layers.ReLU(), [8, 4, 4], 0 },
        { "elu", [8, 4, 4], Layers.ELU(), [8, 4, 4], 0 },
        { "gelu", [8], Layers.GELU(), [8], 0 },
        { "softmax", [7], Layers.Softmax(), [7], 0 },
        { "maxpool 2", [32, 48, 48], Layers.MaxPool2D(2), [32, 24, 24], 0 },
        { "maxpool 3/2 same", [8, 48, 48], Layers.MaxPool2D(3, 2, Padding.Same), [8, 24, 24], 0 },
        { "avgpool 3/2 valid", [8, 48, 48], Layers.AvgPool2D(3, 2), [8, 23, 23], 0 },
        { "avgpool 2 same odd", [8, 5, 5], Layers.AvgPool2D(2, padding: Padding.Same), [8, 3, 3], 0 },
        { "global avg", [64, 6, 6], Layers.GlobalAvgPool2D(), [64], 0 },
        { "dropout", [64, 6, 6], Layers.Dropout(0.5), [64, 6, 6], 0 },
        { "flatten", [32, 12, 12], Layers.Flatten(), [4608], 0 },
        { "dense", [128], Layers.Dense(7), [7], (128 * 7) + 7 },
        { "dense no bias", [64], Layers.Dense(10, useBias: false), [10], 640 },
        {
            "residual identity", [16, 12, 12],
            Layers.Residual([Layers.Conv2D(16, 3, padding: Padding.Same), Layers.BatchNorm()], activation: ActivationKind.ReLU),
            [16, 12, 12], (3 * 3 * 16 * 16) + 16 + (4 * 16)
        },
        {
            "residual projection", [16, 12, 12],
            Layers.Residual([Layers.SeparableConv2D(32, 3, padding: Padding.Same), Layers.MaxPool2D(3, 2, Padding.Same)], [Layers.Conv2D(32, 1, stride: 2, padding: Padding.Same)]),
            [32, 6, 6], (9 * 16) + (16 * 32) + 32 + (16 * 32) + 32
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_shape_and_parameters_match_the_known_values(string name, int[] input, Layer layer, int[] expectedShape, long expectedParameters)
    {
        var built = layer.Build(Shape.Of(input));
        using var module = built.Module;
        Assert.True(expectedShape.SequenceEqual(built.OutputShape.Dimensions), $"{name}: shape {built.OutputShape}");
        var parameters = module.parameters().Sum(p => p.numel())
            + module.named_buffers().Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Sum(b => b.buffer.numel());
        Assert.Equal(expectedParameters, parameters);

        module.eval();
        using var scope = NewDisposeScope();
        var output = module.forward(randn([2, .. input.Select(d => (long)d)]));
        Assert.Equal([2L, .. expectedShape.Select(d => (long)d)], output.shape);
    }

    [Fact]
    public void Same_average_pooling_excludes_the_padding_and_max_pooling_ignores_it()
    {
        using var scope = NewDisposeScope();
        using var avg = Layers.AvgPool2D(3, 2, Padding.Same).Build(Shape.Of(1, 6, 6)).Module;
        var averaged = avg.forward(ones(1, 1, 6, 6));
        Assert.True(averaged.allclose(ones_like(averaged)));

        using var max = Layers.MaxPool2D(3, 2, Padding.Same).Build(Shape.Of(1, 6, 6)).Module;
        var pooled = max.forward(full([1, 1, 6, 6], -5f));
        Assert.True(pooled.eq(-5f).all().item<bool>());
    }

    [Fact]
    public void Summary_counts_like_keras()
    {
        using var model = new Sequential((1, 48, 48))
            .Add(Layers.Conv2D(32, 3, padding: Padding.Same))
            .Add(Layers.BatchNorm())
            .Add(Layers.ReLU())
            .Add(Layers.MaxPool2D(2))
            .Add(Layers.Flatten())
            .Add(Layers.Dense(7));
        var summary = model.Summary();
        Assert.Equal(320 + 128 + ((32 * 24 * 24 * 7) + 7), summary.TotalParameters);
        Assert.Equal(64, summary.NonTrainableParameters);
        Assert.Equal(["conv2d", "batchnormalization", "relu", "maxpooling2d", "flatten", "dense"], summary.Rows.Select(r => r.Name));
        Assert.Equal("(None, 32, 24, 24)", summary.Rows[3].OutputShape);
        var text = summary.ToString();
        Assert.Contains("Total params: 129,479", text);
        Assert.Contains("conv2d (Conv2D)", text);
    }
}
