using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>A 2-D convolution over (C, H, W) inputs, as Keras's Conv2D: square kernel, stride, same/valid padding.</summary>
public sealed class Conv2DLayer : Layer
{
    internal Conv2DLayer(int filters, int kernel, int stride, Padding padding, bool useBias)
    {
        Filters = LayerChecks.Positive(filters, nameof(filters), "Conv2D");
        KernelSize = LayerChecks.Positive(kernel, nameof(kernel), "Conv2D");
        Stride = LayerChecks.Positive(stride, nameof(stride), "Conv2D");
        Padding = LayerChecks.Defined(padding, nameof(padding), "Conv2D");
        UseBias = useBias;
    }

    /// <summary>Number of output channels.</summary>
    public int Filters { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Step of the kernel in both directions.</summary>
    public int Stride { get; }

    /// <summary>Same or valid padding.</summary>
    public Padding Padding { get; }

    /// <summary>Whether the layer adds a bias per filter.</summary>
    public bool UseBias { get; }

    /// <inheritdoc/>
    public override string Kind => "Conv2D";

    /// <inheritdoc/>
    public override string ToString() => $"Conv2D({Filters}, kernel={KernelSize}, stride={Stride}, padding={Padding})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        var (channels, height, width) = LayerChecks.Image(this, inputShape, KernelSize, Padding);
        LayerChecks.WeightCount(this, Filters, channels, KernelSize, KernelSize);
        var padding = SamePadding.For(Padding, height, width, KernelSize, Stride);
        var module = new ConvolutionModule(channels, Filters, KernelSize, Stride, padding, UseBias, depthMultiplier: null);
        return new BuiltLayer(module, Shape.Of(Filters, SamePadding.OutputSize(Padding, height, KernelSize, Stride), SamePadding.OutputSize(Padding, width, KernelSize, Stride)));
    }

    internal override JsonObject ToJson() => new()
    {
        ["kind"] = Kind, ["filters"] = Filters, ["kernel"] = KernelSize, ["stride"] = Stride, ["padding"] = Padding.ToString(), ["useBias"] = UseBias,
    };
}
