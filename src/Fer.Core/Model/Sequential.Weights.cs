using NumSharp;
using static TorchSharp.torch;

namespace Fer.Core;

public sealed partial class Sequential
{
    private const string BatchCounterSuffix = "num_batches_tracked";

    /// <summary>
    /// Copies of the weights (every trainable parameter and batch-norm statistic), by name: the layer's name as
    /// <see cref="Summary"/> shows it, a dot and the weight's name, e.g. "conv2d.weight", "batchnormalization.running_mean",
    /// "dense.bias". Shapes follow TorchSharp: a Dense kernel is (outputs, inputs), a convolution's (filters, channels, k, k).
    /// Builds the model. Like Keras's <c>get_weights</c>, for inspection, transfer and surgery; change a copy and pass it to
    /// <see cref="SetWeights"/>.
    /// </summary>
    /// <returns>Float32 arrays in layer order.</returns>
    public IReadOnlyDictionary<string, NDArray> GetWeights()
    {
        using var use = Use();
        var result = new Dictionary<string, NDArray>(StringComparer.Ordinal);
        using var scope = NewDisposeScope();
        foreach (var (name, value) in NamedWeights())
        {
            var cpuValue = value.detach().cpu().contiguous();
            result[name] = new NDArray(cpuValue.data<float>().ToArray(), new NumSharp.Shape(cpuValue.shape.Select(d => checked((int)d)).ToArray()));
        }

        return result;
    }

    /// <summary>
    /// Replaces the named weights (some or all of those <see cref="GetWeights"/> lists) with copies of the given values,
    /// on the model's <see cref="Device"/>. Every name, shape and value is checked before any weight changes. Not to be
    /// called while the model trains or predicts.
    /// </summary>
    /// <param name="weights">New values by name; float32 or float64 arrays of the weight's shape, finite.</param>
    /// <exception cref="FerModelException">A name is unknown, or a value has the wrong shape or type or is not finite; the message names it.</exception>
    public void SetWeights(IReadOnlyDictionary<string, NDArray> weights)
    {
        using var use = Use();
        ArgumentNullException.ThrowIfNull(weights);
        var targets = NamedWeights().ToDictionary(w => w.Name, w => w.Value, StringComparer.Ordinal);
        var values = new List<(Tensor Target, float[] Value)>();
        foreach (var (name, array) in weights)
        {
            if (!targets.TryGetValue(name, out var target))
            {
                throw new FerModelException($"The model has no weight '{name}'. Its weights are: {string.Join(", ", targets.Keys.Take(8))}{(targets.Count > 8 ? ", …" : "")}.");
            }

            values.Add((target, WeightValues.Checked(name, array, target.shape)));
        }

        DiscardInferencePlan();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (target, value) in values)
        {
            target.copy_(tensor(value, target.shape));
        }
    }

    /// <summary>A state-dictionary key ("layers.3.weight") by the names <see cref="GetWeights"/> uses ("dense.weight").</summary>
    internal string WeightDisplayName(string stateKey)
    {
        var parts = stateKey.Split('.', 3);
        return parts.Length == 3 && parts[0] == "layers" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var index) && _built is { } built && index < built.Count
            ? $"{built[index].Name}.{parts[2]}"
            : stateKey;
    }

    private IEnumerable<(string Name, Tensor Value)> NamedWeights()
    {
        var net = Network;
        for (var i = 0; i < net.Children.Count; i++)
        {
            var layerName = _built![i].Name;
            foreach (var (name, value) in net.Children[i].state_dict())
            {
                if (!name.EndsWith(BatchCounterSuffix, StringComparison.Ordinal))
                {
                    yield return ($"{layerName}.{name}", value);
                }
            }
        }
    }
}
