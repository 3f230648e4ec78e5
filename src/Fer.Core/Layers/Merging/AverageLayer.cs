using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Runs several branches on the same input and averages their outputs element-wise, as Keras's <c>Average</c>
/// merge. With branches that each end in <see cref="Layers.Softmax"/>, the model averages the class probabilities
/// of several networks: an ensemble that Predict, Evaluate, Save/Load and the ONNX export treat as one model
/// (<see cref="Ensembles.Average"/> builds one from trained models). Every branch must produce the same shape.
/// </summary>
public sealed class AverageLayer : Layer
{
    internal AverageLayer(IReadOnlyList<IReadOnlyList<Layer>> branches)
    {
        if (branches is null || branches.Count < 2)
        {
            throw new ArgumentException($"Average: needs at least two branches, but has {branches?.Count ?? 0}.", nameof(branches));
        }

        for (var b = 0; b < branches.Count; b++)
        {
            if (branches[b] is null || branches[b].Count == 0 || branches[b].Any(l => l is null))
            {
                throw new ArgumentException($"Average: branch {b + 1} is null, empty or holds a null layer.", nameof(branches));
            }
        }

        Branches = branches.Select(b => (IReadOnlyList<Layer>)b.ToArray()).ToArray();
    }

    /// <summary>The branches, each a list of layers applied in order to the layer's input.</summary>
    public IReadOnlyList<IReadOnlyList<Layer>> Branches { get; }

    /// <summary>Whether every branch ends in a softmax, so that the average is a probability distribution too.</summary>
    public bool AveragesProbabilities => Branches.All(b => b[^1] is ActivationLayer { Function: ActivationKind.Softmax });

    /// <inheritdoc/>
    public override string Kind => "Average";

    /// <inheritdoc/>
    public override string ToString() => $"Average({Branches.Count} branches: {string.Join(" | ", Branches.Select(b => string.Join(", ", b)))})";

    internal override BuiltLayer Build(Shape inputShape)
    {
        var modules = new List<IReadOnlyList<nn.Module<Tensor, Tensor>>>();
        Shape? output = null;
        long largest = 0;
        for (var b = 0; b < Branches.Count; b++)
        {
            var (path, shape, branchLargest) = BuildPath(Branches[b], inputShape);
            if (output is { } first && !first.Equals(shape))
            {
                throw new FerModelException(
                    $"Average: branch 1 outputs {first.ToBatchString()} but branch {b + 1} outputs {shape.ToBatchString()} for input {inputShape.ToBatchString()}; every branch must output the same shape.");
            }

            output = shape;
            largest = Math.Max(largest, branchLargest);
            modules.Add(path);
        }

        return new BuiltLayer(new AverageModule(modules), output!.Value, largest);
    }

    internal override JsonObject ToJson() => new()
    {
        ["kind"] = Kind,
        ["branches"] = new JsonArray(Branches.Select(b => (JsonNode)new JsonArray(b.Select(l => (JsonNode)l.ToJson()).ToArray())).ToArray()),
    };
}
