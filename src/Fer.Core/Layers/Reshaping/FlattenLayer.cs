using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Flattens (C, H, W) into (C·H·W). No parameters.</summary>
public sealed class FlattenLayer : Layer
{
    internal FlattenLayer()
    {
    }

    /// <inheritdoc/>
    public override string Kind => "Flatten";

    internal override BuiltLayer Build(Shape inputShape)
        => new(new FunctionModule(Kind, x => x.flatten(1)), Shape.Of(checked((int)inputShape.Elements)));

    internal override JsonObject ToJson() => new() { ["kind"] = Kind };
}
