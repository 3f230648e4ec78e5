using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// A depthwise-separable convolution, as Keras's SeparableConv2D: a depthwise convolution per input channel
/// (no bias) followed by a 1x1 pointwise convolution to <see cref="Filters"/> channels (with bias).
/// </summary>
public sealed class SeparableConv2DLayer : Layer
{
    internal SeparableConv2DLayer(int filters, int kernel, int stride, Padding padding, int depthMultiplier, bool useBias)
    {
        Filters = LayerChecks.Positive(filters, nameof(filters), "SeparableConv2D");
        KernelSize = LayerChecks.Positive(kernel, nameof(kernel), "SeparableConv2D");
        Stride = LayerChecks.Positive(stride, nameof(stride), "SeparableConv2D");
        Padding = LayerChecks.Defined(padding, nameof(padding), "SeparableConv2D");
        DepthMultiplier = LayerChecks.Positive(depthMultiplier, nameof(depthMultiplier), "SeparableConv2D");
        UseBias = useBias;
    }

    /// <summary>Number of output channels.</summary>
    public int Filters { get; }

    /// <summary>Side of the square depthwise kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Step of the depthwise kernel.</summary>
    public int Stride { get; }

    /// <summary>Same or valid padding.</summary>
    public Padding Padding { get; }

    /// <summary>Depthwise output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>Whether the pointwise convolution adds a bias.</summary>
    public bool UseBias { get; }

    /// <inheritdoc/>
    public override string Kind => "SeparableConv2D";

    /// <inheritdoc/>
    public override string ToString() => $"SeparableConv2D({Filters}, kernel={KernelSize}, stride={Stride}, padding={Padding})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        var (channels, height, width) = LayerChecks.Image(this, inputShape, KernelSize, Padding);
        LayerChecks.WeightCount(this, channels, DepthMultiplier, KernelSize, KernelSize);
        LayerChecks.WeightCount(this, channels, DepthMultiplier, Filters);
        var padding = SamePadding.For(Padding, height, width, KernelSize, Stride);
        var module = new ConvolutionModule(channels, Filters, KernelSize, Stride, padding, UseBias, DepthMultiplier);
        return new BuiltLayer(module, Shape.Of(Filters, SamePadding.OutputSize(Padding, height, KernelSize, Stride), SamePadding.OutputSize(Padding, width, KernelSize, Stride)));
    }

    internal override JsonObject ToJson() => new()
    {
        ["kind"] = Kind, ["filters"] = Filters, ["kernel"] = KernelSize, ["stride"] = Stride, ["padding"] = Padding.ToString(),
        ["depthMultiplier"] = DepthMultiplier, ["useBias"] = UseBias,
    };
}
