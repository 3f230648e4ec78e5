namespace Fer.Core;

/// <summary>The model's weights by name (as <see cref="Sequential.GetWeights"/> gives them), for the exporter.</summary>
internal sealed class WeightSource
{
    private readonly IReadOnlyDictionary<string, float[]> _weights;

    public WeightSource(IReadOnlyDictionary<string, float[]> weights) => _weights = weights;

    /// <summary>The weight <c>{prefix}.{name}</c>, checked to hold <paramref name="length"/> values.</summary>
    public float[] Get(string prefix, string name, long length)
    {
        var key = $"{prefix}.{name}";
        if (!_weights.TryGetValue(key, out var values))
        {
            throw new FerModelException($"Cannot export layer '{prefix}' to ONNX: the model has no weight '{key}'.");
        }

        if (values.Length != length)
        {
            throw new FerModelException($"Cannot export layer '{prefix}' to ONNX: weight '{key}' holds {values.Length} values, but the layer needs {length}.");
        }

        return values;
    }

    /// <summary>The weight when the model has it (an optional bias), else null.</summary>
    public float[]? Find(string prefix, string name, long length) => _weights.ContainsKey($"{prefix}.{name}") ? Get(prefix, name, length) : null;
}
