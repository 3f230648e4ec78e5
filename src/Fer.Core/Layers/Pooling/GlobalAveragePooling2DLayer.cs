using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Averages each channel over height and width: (C, H, W) becomes (C). No parameters.</summary>
public sealed class GlobalAveragePooling2DLayer : Layer
{
    internal GlobalAveragePooling2DLayer()
    {
    }

    /// <inheritdoc/>
    public override string Kind => "GlobalAveragePooling2D";

    internal override BuiltLayer Build(Shape inputShape)
    {
        if (inputShape.Rank != 3)
        {
            throw ShapeError(inputShape, "(None, channels, height, width)", "GlobalAveragePooling2D takes image feature maps; remove the Flatten before it.");
        }

        return new BuiltLayer(new FunctionModule(Kind, x => x.mean([2, 3])), Shape.Of(inputShape[0]));
    }

    internal override JsonObject ToJson() => new() { ["kind"] = Kind };
}
