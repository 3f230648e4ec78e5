using Fer.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Builds a layer list into modules, checking that each layer fits the shape before it.</summary>
internal static class NetworkBuilder
{
    /// <summary>Creates the modules with weights initialised from <paramref name="seed"/>, on the CPU.</summary>
    /// <exception cref="FerModelException">No layers, a layer that does not fit (named, with the shapes), or an output that is not one value per class.</exception>
    public static BuiltNetwork Build(IReadOnlyList<Layer> layers, ImageShape inputShape, int seed)
    {
        if (layers.Count == 0)
        {
            throw new FerModelException("The model has no layers. Add layers with model.Add(Layers.…) before building it.");
        }

        random.manual_seed(seed);
        var shape = Shape.Of(inputShape.Channels, inputShape.Height, inputShape.Width);
        var built = new List<(string, Layer, Shape)>();
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var counts = new Dictionary<string, int>();
        long largest = 0;
        try
        {
            for (var i = 0; i < layers.Count; i++)
            {
                var layer = layers[i];
                BuiltLayer result;
                try
                {
                    result = layer.Build(shape);
                }
                catch (FerModelException e)
                {
                    throw new FerModelException($"Layer {i + 1} ({layer}): {e.Message}", e);
                }
                catch (System.Runtime.InteropServices.ExternalException e)
                {
                    throw new FerModelException($"Layer {i + 1} ({layer}): LibTorch could not create it for input {shape.ToBatchString()}: the input is too large for it, or its settings do not fit that input.", e);
                }
                catch (OverflowException e)
                {
                    throw new FerModelException($"Layer {i + 1} ({layer}): its output for input {shape.ToBatchString()} would hold more than {int.MaxValue:N0} values per image; use a smaller input or pool before it.", e);
                }

                modules.Add(result.Module);
                largest = Math.Max(largest, result.LargestElements);
                var key = layer.Kind.ToLowerInvariant();
                counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 0;
                built.Add((counts[key] == 0 ? key : $"{key}_{counts[key]}", layer, result.OutputShape));
                shape = result.OutputShape;
            }

            if (shape.Rank != 1)
            {
                throw new FerModelException(
                    $"The model must end with one value per class, shape (None, classes), but its last layer outputs {shape.ToBatchString()}. " +
                    "End it with Flatten or GlobalAveragePooling2D, then Dense(classes).");
            }
        }
        catch
        {
            foreach (var module in modules)
            {
                module.Dispose();
            }

            throw;
        }

        return new BuiltNetwork(new SequentialNet(modules), built, largest);
    }
}
