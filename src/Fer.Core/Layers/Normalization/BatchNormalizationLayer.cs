using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Batch normalisation over channels (image inputs) or features (flat inputs), as Keras's BatchNormalization:
/// <see cref="Momentum"/> is in Keras's convention (the share of the old moving average kept).
/// </summary>
public sealed class BatchNormalizationLayer : Layer
{
    internal BatchNormalizationLayer(double momentum, double epsilon)
    {
        if (!(momentum > 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"BatchNormalization: momentum must be in (0, 1), but was {momentum}.");
        }

        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"BatchNormalization: epsilon must be positive, but was {epsilon}.");
        }

        Momentum = momentum;
        Epsilon = epsilon;
    }

    /// <summary>Keras momentum: moving = momentum × moving + (1 − momentum) × batch.</summary>
    public double Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Kind => "BatchNormalization";

    internal override BuiltLayer Build(Shape inputShape)
    {
        nn.Module<Tensor, Tensor> module = inputShape.Rank switch
        {
            3 => new BatchNormModule(inputShape[0], imageInput: true, Epsilon, 1 - Momentum),
            1 => new BatchNormModule(inputShape[0], imageInput: false, Epsilon, 1 - Momentum),
            _ => throw ShapeError(inputShape, "(None, channels, height, width) or (None, features)", "Flatten the input first."),
        };
        return new BuiltLayer(module, inputShape);
    }

    internal override JsonObject ToJson() => new() { ["kind"] = Kind, ["momentum"] = Momentum, ["epsilon"] = Epsilon };
}
