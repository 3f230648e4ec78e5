using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>An element-wise activation (ReLU, ELU, GELU, LeakyReLU) or a softmax over the classes. No parameters.</summary>
public sealed class ActivationLayer : Layer
{
    internal ActivationLayer(ActivationKind function)
    {
        if (!Enum.IsDefined(function))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, $"Unknown activation {function}.");
        }

        Function = function;
    }

    /// <summary>The activation function.</summary>
    public ActivationKind Function { get; }

    /// <inheritdoc/>
    public override string Kind => Function.ToString();

    internal override BuiltLayer Build(Shape inputShape)
    {
        if (Function == ActivationKind.Softmax && inputShape.Rank != 1)
        {
            throw ShapeError(inputShape, "(N, classes)", "Put Softmax after Flatten/GlobalAveragePooling2D and Dense.");
        }

        return new BuiltLayer(new FunctionModule(Kind, Activations.Function(Function)), inputShape);
    }

    internal override JsonObject ToJson() => new() { ["kind"] = "Activation", ["function"] = Function.ToString() };
}
