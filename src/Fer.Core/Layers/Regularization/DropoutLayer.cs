using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Sets a random share <see cref="Rate"/> of inputs to zero during training (scaling the rest up); identity at inference.</summary>
public sealed class DropoutLayer : Layer
{
    internal DropoutLayer(double rate)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), $"Dropout: rate must be in [0, 1), but was {rate}.");
        }

        Rate = rate;
    }

    /// <summary>The share of inputs dropped during training.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public override string Kind => "Dropout";

    /// <inheritdoc/>
    public override string ToString() => $"Dropout({Rate})";

    internal override BuiltLayer Build(Shape inputShape) => new(nn.Dropout(Rate), inputShape);

    internal override JsonObject ToJson() => new() { ["kind"] = Kind, ["rate"] = Rate };
}
