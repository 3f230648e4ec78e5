using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>A fully connected layer: (features) becomes (<see cref="Units"/>).</summary>
public sealed class DenseLayer : Layer
{
    internal DenseLayer(int units, bool useBias)
    {
        Units = LayerChecks.Positive(units, nameof(units), "Dense");
        UseBias = useBias;
    }

    /// <summary>Number of outputs.</summary>
    public int Units { get; }

    /// <summary>Whether the layer adds a bias per output.</summary>
    public bool UseBias { get; }

    /// <inheritdoc/>
    public override string Kind => "Dense";

    /// <inheritdoc/>
    public override string ToString() => $"Dense({Units})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        if (inputShape.Rank != 1)
        {
            throw ShapeError(inputShape, "(None, features)", "Add Layers.Flatten() or Layers.GlobalAveragePooling2D() before Dense.");
        }

        LayerChecks.WeightCount(this, inputShape[0], Units);
        return new BuiltLayer(nn.Linear(inputShape[0], Units, hasBias: UseBias), Shape.Of(Units));
    }

    internal override JsonObject ToJson() => new() { ["kind"] = Kind, ["units"] = Units, ["useBias"] = UseBias };
}
