using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A layer of a <see cref="Sequential"/> model: an immutable description (kind and configuration) that the
/// model turns into TorchSharp modules when it is built. Create layers with the <see cref="Layers"/> factory.
/// </summary>
public abstract class Layer
{
    private protected Layer()
    {
    }

    /// <summary>The layer's kind, as Keras names it (e.g. "Conv2D").</summary>
    public abstract string Kind { get; }

    /// <summary>The kind and configuration, e.g. "Conv2D(32, kernel=3, stride=1, padding=Same)".</summary>
    public override string ToString() => Kind;

    /// <summary>Builds the module for an input of <paramref name="inputShape"/> (without the batch dimension).</summary>
    /// <exception cref="FerModelException">The layer cannot take that input shape.</exception>
    internal abstract BuiltLayer Build(Shape inputShape);

    /// <summary>The configuration as JSON, with a "kind" property; read back by <see cref="LayerJson"/>.</summary>
    internal abstract JsonObject ToJson();

    /// <summary>
    /// Builds <paramref name="layers"/> one after another from <paramref name="input"/> (a residual body or shortcut, an
    /// average's branch): their modules, the path's output shape and the most values one input makes any of them hold.
    /// </summary>
    internal static (List<nn.Module<Tensor, Tensor>> Modules, Shape Output, long LargestElements) BuildPath(IReadOnlyList<Layer> layers, Shape input)
    {
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var shape = input;
        long largest = 0;
        foreach (var layer in layers)
        {
            var built = layer.Build(shape);
            modules.Add(built.Module);
            shape = built.OutputShape;
            largest = Math.Max(largest, built.LargestElements);
        }

        return (modules, shape, largest);
    }

    private protected FerModelException ShapeError(Shape received, string expected, string fix)
        => new($"{Kind} expected input of shape {expected} but received {received.ToBatchString()}. {fix}");
}

/// <summary>A built layer: its module and the shape it outputs (without the batch dimension).</summary>
internal sealed record BuiltLayer(nn.Module<Tensor, Tensor> Module, Shape OutputShape, long InnerElements = 0)
{
    /// <summary>The most values one input makes this layer hold at once: its output, or a larger activation inside it (an average's branches).</summary>
    public long LargestElements => Math.Max(InnerElements, OutputShape.Elements);
}
