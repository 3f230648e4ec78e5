using System.Runtime.InteropServices;
using Fer.Core.Onnx.Schema;
using Google.Protobuf;

namespace Fer.Core;

/// <summary>
/// Builds an ONNX graph: nodes in order, float initializers (or float16 constants), and value names made unique from
/// readable prefixes (e.g. "conv2d_1.weight"). Every node has one output.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly GraphProto _graph = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraph(string name) => _graph.Name = name;

    public GraphProto Proto => _graph;

    /// <summary>A new float initializer of <paramref name="dims"/> holding <paramref name="values"/> (row-major); returns its name.</summary>
    public string Constant(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>
    /// A weight of <paramref name="dims"/>: stored as a float16 constant followed by a Cast to float when every value
    /// is exactly a float16 (a model saved with <see cref="WeightPrecision.Half"/>), which halves the file without
    /// changing a value; otherwise a float initializer. ONNX Runtime folds the Cast when it loads the model. Returns the
    /// name of the float value.
    /// </summary>
    public string Weight(string name, float[] values, params long[] dims)
    {
        if (!IsHalfExact(values))
        {
            return Constant(name, values, dims);
        }

        var halves = new Half[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
        }

        // A Constant node rather than an initializer: ML.NET's ONNX transformer refuses float16 initializers, not nodes.
        var tensor = new TensorProto { DataType = (int)TensorProto.Types.DataType.Float16 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(halves.AsSpan()));
        var stored = Node("Constant", name + ".float16", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = tensor });
        return Node("Cast", name, [stored], Int("to", (long)TensorProto.Types.DataType.Float));
    }

    /// <summary>Whether every value survives a round trip through float16 unchanged (NaN never does).</summary>
    public static bool IsHalfExact(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if ((float)(Half)value != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new int64 initializer (shapes, pads); returns its name.</summary>
    public string Constant(string name, long[] values)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Appends a node of <paramref name="op"/> (default domain) and returns the name of its output.</summary>
    public string Node(string op, string outputName, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = Unique(outputName + "/" + op) };
        node.Input.AddRange(inputs);
        node.Output.Add(Unique(outputName));
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>Declares a float graph input or output of (N, dims…), N being the dynamic batch dimension.</summary>
    public static ValueInfoProto FloatBatch(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>The name itself when unused, else the name with the first free suffix "_1", "_2", ….</summary>
    private string Unique(string name)
    {
        if (_names.Add(name))
        {
            return name;
        }

        for (var i = 1; ; i++)
        {
            var candidate = $"{name}_{i}";
            if (_names.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
