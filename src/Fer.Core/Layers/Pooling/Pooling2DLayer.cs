using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Max or average pooling over square windows, as Keras's MaxPooling2D and AveragePooling2D.</summary>
public sealed class Pooling2DLayer : Layer
{
    internal Pooling2DLayer(bool max, int poolSize, int? stride, Padding padding)
    {
        IsMax = max;
        PoolSize = LayerChecks.Positive(poolSize, nameof(poolSize), Kind);
        Stride = LayerChecks.Positive(stride ?? poolSize, nameof(stride), Kind);
        Padding = LayerChecks.Defined(padding, nameof(padding), Kind);
    }

    /// <summary>True for max pooling, false for average pooling.</summary>
    public bool IsMax { get; }

    /// <summary>Side of the square window.</summary>
    public int PoolSize { get; }

    /// <summary>Step of the window (the pool size by default).</summary>
    public int Stride { get; }

    /// <summary>Same or valid padding.</summary>
    public Padding Padding { get; }

    /// <inheritdoc/>
    public override string Kind => IsMax ? "MaxPooling2D" : "AveragePooling2D";

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}({PoolSize}, stride={Stride}, padding={Padding})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        var (channels, height, width) = LayerChecks.Image(this, inputShape, PoolSize, Padding);
        var padding = SamePadding.For(Padding, height, width, PoolSize, Stride);
        return new BuiltLayer(
            new PoolingModule(IsMax, PoolSize, Stride, padding, height, width),
            Shape.Of(channels, SamePadding.OutputSize(Padding, height, PoolSize, Stride), SamePadding.OutputSize(Padding, width, PoolSize, Stride)));
    }

    internal override JsonObject ToJson() => new() { ["kind"] = Kind, ["pool"] = PoolSize, ["stride"] = Stride, ["padding"] = Padding.ToString() };
}
