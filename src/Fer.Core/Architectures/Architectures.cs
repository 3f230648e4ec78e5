using Fer.Datasets;

namespace Fer.Core;

/// <summary>Network presets for FER2013-sized inputs (parameter counts and FLOPs in docs/model-card.md).</summary>
public static class Architectures
{
    /// <summary>
    /// The classic FER2013 CNN: three blocks of two 3x3 convolutions (64, 128, 256 filters) with max pooling and
    /// dropout, then a dense head (1024 units); trained with Adam and categorical cross-entropy.
    /// </summary>
    public static Architecture Fer2013Cnn { get; } = new(
        "Fer2013Cnn",
        "Conv blocks (64, 128, 256; two 3x3 convolutions each, max pooling, dropout 0.25) and a dense head (1024, dropout 0.5).",
        (_, classes) => ConvBlock(64, batchNorm: false, dropout: 0.25)
            .Concat(ConvBlock(128, batchNorm: false, dropout: 0.25))
            .Concat(ConvBlock(256, batchNorm: false, dropout: 0.25))
            .Concat([Layers.Flatten(), Layers.Dense(1024), Layers.ReLU(), Layers.Dropout(0.5), Layers.Dense(classes)]));

    /// <summary>
    /// mini-Xception (Arriaga, Valdenegro-Toro and Plöger, 2017): a stem of two 3x3 convolutions, four residual
    /// modules of depthwise-separable convolutions (16, 32, 64, 128 filters), a 3x3 convolution to the classes and
    /// global average pooling. 58,423 parameters for seven classes.
    /// </summary>
    public static Architecture MiniXception { get; } = new(
        "MiniXception",
        "mini-Xception (Arriaga et al. 2017): separable-convolution residual modules, global average pooling; 58,423 parameters.",
        (_, classes) =>
        {
            var layers = new List<Layer>
            {
                Layers.Conv2D(8, 3, useBias: false), Layers.BatchNorm(), Layers.ReLU(),
                Layers.Conv2D(8, 3, useBias: false), Layers.BatchNorm(), Layers.ReLU(),
            };
            foreach (var filters in new[] { 16, 32, 64, 128 })
            {
                layers.Add(Layers.Residual(
                    [
                        Layers.SeparableConv2D(filters, 3, padding: Padding.Same, useBias: false), Layers.BatchNorm(), Layers.ReLU(),
                        Layers.SeparableConv2D(filters, 3, padding: Padding.Same, useBias: false), Layers.BatchNorm(),
                        Layers.MaxPool2D(3, 2, Padding.Same),
                    ],
                    [Layers.Conv2D(filters, 1, stride: 2, padding: Padding.Same, useBias: false), Layers.BatchNorm()]));
            }

            layers.AddRange([Layers.Conv2D(classes, 3, padding: Padding.Same), Layers.GlobalAvgPool2D()]);
            return layers;
        });

    /// <summary>
    /// A VGG-style network with batch normalisation (after Khaireddin and Chen, 2021, narrowed for CPU training):
    /// four stages of two 3x3 convolution + BN + ReLU (64, 128, 256, 256 filters) with max pooling, global average
    /// pooling, a 256-unit dense layer with dropout.
    /// </summary>
    public static Architecture VggBn { get; } = new(
        "VggBn",
        "VGG-style: four stages of 2x(conv3x3-BN-ReLU) (64, 128, 256, 256) with max pooling, GAP, dense 256, dropout 0.4.",
        (_, classes) => BatchNormStages(64, 128, 256, 256)
            .Concat([Layers.GlobalAvgPool2D(), Layers.Dense(256), Layers.ReLU(), Layers.Dropout(0.4), Layers.Dense(classes)]));

    /// <summary>
    /// A compact VGG-style network with batch normalisation, sized for training on a few CPU cores: four stages of two
    /// 3x3 convolution + BN + ReLU (32, 64, 128, 256 filters) with max pooling, global average pooling, dropout 0.3
    /// and a dense classifier. About a third of <see cref="VggBn"/>'s compute per face.
    /// </summary>
    public static Architecture CompactVgg { get; } = new(
        "CompactVgg",
        "Compact VGG-style: four stages of 2x(conv3x3-BN-ReLU) (32, 64, 128, 256) with max pooling, GAP, dropout 0.3, dense.",
        (_, classes) => BatchNormStages(32, 64, 128, 256)
            .Concat([Layers.GlobalAvgPool2D(), Layers.Dropout(0.3), Layers.Dense(classes)]));

    /// <summary>
    /// A tiny VGG-style network, <see cref="CompactVgg"/>'s shape at half its width (16, 32, 64, 128 filters; about a
    /// quarter of its parameters and compute), sized for single-face predictions of a few milliseconds on one CPU thread
    /// (latencies in docs/benchmarks.md);
    /// meant to be trained by distillation from a larger model (<see cref="Losses.DistillFrom(Sequential, double, double, Loss?)"/>).
    /// </summary>
    public static Architecture TinyVgg { get; } = new(
        "TinyVgg",
        "Tiny VGG-style: four stages of 2x(conv3x3-BN-ReLU) (16, 32, 64, 128) with max pooling, GAP, dropout 0.2, dense.",
        (_, classes) => BatchNormStages(16, 32, 64, 128)
            .Concat([Layers.GlobalAvgPool2D(), Layers.Dropout(0.2), Layers.Dense(classes)]));

    /// <summary>
    /// A ResNet-style network: a 3x3 stem (32), then stages of basic residual blocks (32, 64, 128, 256; two blocks
    /// each, strided projection shortcuts between stages), global average pooling and a dense classifier.
    /// </summary>
    public static Architecture ResNet { get; } = new(
        "ResNet",
        "ResNet-style: 3x3 stem (32), 4 stages x 2 basic blocks (32, 64, 128, 256), GAP, dropout 0.2, dense.",
        (_, classes) =>
        {
            var layers = new List<Layer> { Layers.Conv2D(32, 3, padding: Padding.Same, useBias: false), Layers.BatchNorm(), Layers.ReLU() };
            var channels = 32;
            foreach (var filters in new[] { 32, 64, 128, 256 })
            {
                for (var block = 0; block < 2; block++)
                {
                    var stride = block == 0 && filters != channels ? 2 : 1;
                    Layer[] body =
                    [
                        Layers.Conv2D(filters, 3, stride, Padding.Same, useBias: false), Layers.BatchNorm(), Layers.ReLU(),
                        Layers.Conv2D(filters, 3, padding: Padding.Same, useBias: false), Layers.BatchNorm(),
                    ];
                    Layer[]? shortcut = stride == 1 ? null : [Layers.Conv2D(filters, 1, stride, Padding.Same, useBias: false), Layers.BatchNorm()];
                    layers.Add(Layers.Residual(body, shortcut, ActivationKind.ReLU));
                    channels = filters;
                }
            }

            layers.AddRange([Layers.GlobalAvgPool2D(), Layers.Dropout(0.2), Layers.Dense(classes)]);
            return layers;
        });

    /// <summary>Every preset.</summary>
    public static IReadOnlyList<Architecture> All { get; } = [Fer2013Cnn, MiniXception, VggBn, CompactVgg, TinyVgg, ResNet];

    /// <summary>A preset by name (case-insensitive).</summary>
    /// <param name="name">e.g. "VggBn".</param>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static Architecture FromName(string name)
        => All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"No architecture is named '{name}'; use one of {string.Join(", ", All.Select(a => a.Name))}.", nameof(name));

    /// <summary>VGG stages with batch normalisation: per width, two 3x3 conv-BN-ReLU and a 2x2 max pooling.</summary>
    private static IEnumerable<Layer> BatchNormStages(params int[] widths)
        => widths.SelectMany(width => ConvBlock(width, batchNorm: true, dropout: 0));

    private static IEnumerable<Layer> ConvBlock(int filters, bool batchNorm, double dropout)
    {
        for (var i = 0; i < 2; i++)
        {
            yield return Layers.Conv2D(filters, 3, padding: Padding.Same, useBias: !batchNorm);
            if (batchNorm)
            {
                yield return Layers.BatchNorm();
            }

            yield return Layers.ReLU();
        }

        yield return Layers.MaxPool2D(2);
        if (dropout > 0)
        {
            yield return Layers.Dropout(dropout);
        }
    }
}
