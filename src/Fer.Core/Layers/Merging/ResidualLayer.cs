using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A residual block: <c>activation(body(x) + shortcut(x))</c>, where the shortcut is the identity when it has
/// no layers (ResNet) or a projection such as a strided 1x1 Conv2D and BatchNormalization (mini-Xception).
/// Both paths must produce the same shape.
/// </summary>
public sealed class ResidualLayer : Layer
{
    internal ResidualLayer(IReadOnlyList<Layer> body, IReadOnlyList<Layer>? shortcut, ActivationKind? activation)
    {
        if (body is null || body.Count == 0)
        {
            throw new ArgumentException("Residual: the body needs at least one layer.", nameof(body));
        }

        if (body.Any(l => l is null) || (shortcut?.Any(l => l is null) ?? false))
        {
            throw new ArgumentException("Residual: a layer of the body or shortcut is null.", nameof(body));
        }

        if (activation is { } kind && (!Enum.IsDefined(kind) || kind == ActivationKind.Softmax))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), $"Residual: activation {kind} is not an element-wise activation.");
        }

        Body = body.ToArray();
        Shortcut = shortcut?.ToArray() ?? [];
        Activation = activation;
    }

    /// <summary>The layers of the main path.</summary>
    public IReadOnlyList<Layer> Body { get; }

    /// <summary>The layers of the shortcut path; empty for the identity.</summary>
    public IReadOnlyList<Layer> Shortcut { get; }

    /// <summary>The activation applied after the sum, if any.</summary>
    public ActivationKind? Activation { get; }

    /// <inheritdoc/>
    public override string Kind => "Residual";

    /// <inheritdoc/>
    public override string ToString()
        => $"Residual([{string.Join(", ", Body)}], shortcut=[{(Shortcut.Count == 0 ? "identity" : string.Join(", ", Shortcut))}]{(Activation is null ? "" : $", {Activation}")})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        var (bodyModules, bodyShape, bodyLargest) = BuildPath(Body, inputShape);
        var (shortcutModules, shortcutShape, shortcutLargest) = BuildPath(Shortcut, inputShape);
        if (!bodyShape.Equals(shortcutShape))
        {
            throw new FerModelException(
                $"Residual: the body outputs {bodyShape.ToBatchString()} but the shortcut outputs {shortcutShape.ToBatchString()} for input {inputShape.ToBatchString()}. " +
                "Give the shortcut a projection (e.g. Conv2D with kernel 1 and the body's stride and filters) so the shapes match.");
        }

        // While the body runs, the block's input (kept for the shortcut) is alive too; then both paths' outputs are.
        var inner = Math.Max(inputShape.Elements + bodyLargest, Math.Max(shortcutLargest, inputShape.Elements) + bodyShape.Elements);
        return new BuiltLayer(new ResidualModule(bodyModules, shortcutModules, Activation is { } a ? Activations.Function(a) : null), bodyShape, inner);
    }

    internal override JsonObject ToJson() => new()
    {
        ["kind"] = Kind,
        ["body"] = new JsonArray(Body.Select(l => (JsonNode)l.ToJson()).ToArray()),
        ["shortcut"] = new JsonArray(Shortcut.Select(l => (JsonNode)l.ToJson()).ToArray()),
        ["activation"] = Activation?.ToString(),
    };
}
