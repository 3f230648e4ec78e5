using Fer.Core.Onnx.Schema;

namespace Fer.Core;

/// <summary>
/// Writes layers into an <see cref="OnnxGraph"/>, one ONNX op (or a few) per layer, in evaluation form. A batch norm
/// after a convolution is folded into it, unless the weights are float16-exact (kept as float16, see
/// <see cref="OnnxGraph.Weight"/>, with the batch norm as its own node for ONNX Runtime to fold at load). Keras's
/// "same" padding becomes the convolution's or pool's own (possibly asymmetric) pads; max pooling ignores pads and
/// average pooling leaves them out of the average (count_include_pad 0), as the layers do.
/// </summary>
internal sealed class LayerWriter
{
    /// <summary>A batch norm's weights, in the order of ONNX's BatchNormalization inputs (scale, B, input_mean, input_var).</summary>
    private static readonly string[] BatchNormParameterNames = ["weight", "bias", "running_mean", "running_var"];

    private readonly OnnxGraph _graph;
    private readonly WeightSource _weights;

    public LayerWriter(OnnxGraph graph, WeightSource weights)
    {
        _graph = graph;
        _weights = weights;
    }

    /// <summary>Writes <paramref name="layers"/> in order on <paramref name="x"/>; layer i's weights are named after <paramref name="prefixOf"/>(i).</summary>
    public (string Output, LayerShape Shape) Path(IReadOnlyList<Layer> layers, Func<int, string> prefixOf, string x, LayerShape shape)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            var prefix = prefixOf(i);
            var batchNorm = i + 1 < layers.Count && layers[i] is Conv2DLayer or SeparableConv2DLayer && layers[i + 1] is BatchNormalizationLayer next
                ? (Layer: next, Prefix: prefixOf(i + 1))
                : default;
            try
            {
                (x, shape) = layers[i] switch
                {
                    Conv2DLayer conv => Convolution(conv.Filters, conv.KernelSize, conv.Stride, conv.Padding, null, prefix, x, shape, batchNorm.Layer, batchNorm.Prefix),
                    SeparableConv2DLayer separable => Convolution(separable.Filters, separable.KernelSize, separable.Stride, separable.Padding, separable.DepthMultiplier, prefix, x, shape, batchNorm.Layer, batchNorm.Prefix),
                    BatchNormalizationLayer norm => (ScaleAndShift(norm, prefix, x, shape), shape),
                    DenseLayer dense => Dense(dense, prefix, x, shape),
                    ActivationLayer activation => (Activation(activation.Function, prefix, x), shape),
                    Pooling2DLayer pool => Pooling(pool, prefix, x, shape),
                    GlobalAveragePooling2DLayer => (_graph.Node("Flatten", prefix, [_graph.Node("GlobalAveragePool", prefix + ".pooled", [x])], OnnxGraph.Int("axis", 1)), LayerShape.Flat(shape.Channels)),
                    FlattenLayer => (_graph.Node("Flatten", prefix, [x], OnnxGraph.Int("axis", 1)), LayerShape.Flat(shape.Features)),
                    DropoutLayer => (x, shape),
                    ResidualLayer residual => Residual(residual, prefix, x, shape),
                    AverageLayer average => Average(average, prefix, x, shape),
                    var other => throw new FerModelException($"Layer '{prefix}' ({other}) cannot be exported to ONNX: the exporter has no translation for {other.Kind} layers."),
                };
            }
            catch (OverflowException e)
            {
                throw new FerModelException($"Layer '{prefix}' ({layers[i]}) cannot be exported to ONNX: its shapes overflow.", e);
            }

            i += batchNorm.Layer is null ? 0 : 1;
        }

        return (x, shape);
    }

    private (string, LayerShape) Convolution(int filters, int kernel, int stride, Padding padding, int? depthMultiplier, string prefix, string x, LayerShape shape, BatchNormalizationLayer? batchNorm, string? batchNormPrefix)
    {
        var outputShape = new LayerShape(filters, SamePadding.OutputSize(padding, shape.Height, kernel, stride), SamePadding.OutputSize(padding, shape.Width, kernel, stride));
        var pads = SamePadding.For(padding, shape.Height, shape.Width, kernel, stride);
        var padAttribute = OnnxGraph.Ints("pads", pads.Top, pads.Left, pads.Bottom, pads.Right);
        var input = shape.Channels;
        if (depthMultiplier is { } multiplier)
        {
            // Depthwise (grouped, strided, padded, no bias), then the 1x1 pointwise convolution below.
            var depthwise = _weights.Get(prefix, "depthwise.weight", (long)input * multiplier * kernel * kernel);
            x = _graph.Node("Conv", prefix + ".depthwise", [x, _graph.Weight(prefix + ".depthwise.weight", depthwise, input * multiplier, 1, kernel, kernel)],
                OnnxGraph.Ints("kernel_shape", kernel, kernel), OnnxGraph.Ints("strides", stride, stride), padAttribute, OnnxGraph.Int("group", input));
            input *= multiplier;
            (kernel, stride, padAttribute) = (1, 1, OnnxGraph.Ints("pads", 0, 0, 0, 0));
        }

        var weight = _weights.Get(prefix, "conv.weight", (long)filters * input * kernel * kernel);
        var bias = _weights.Find(prefix, "conv.bias", filters);
        var statistics = batchNorm is null ? null : BatchNormParameters(batchNormPrefix!, filters);
        // Float16-exact weights stay as they are, in half the bytes, with the batch norm as its own node (ONNX Runtime
        // folds it at load); folding here would give values float16 cannot hold.
        var keepBatchNorm = statistics is not null && OnnxGraph.IsHalfExact(weight) && (bias is null || OnnxGraph.IsHalfExact(bias))
            && statistics.All(p => OnnxGraph.IsHalfExact(p.Values));
        if (batchNorm is not null && !keepBatchNorm)
        {
            var (scale, shift) = BatchNormScaleAndShift(batchNorm, statistics!);
            (weight, bias) = Fold(weight, bias, scale, shift);
        }

        List<string> inputs = [x, _graph.Weight(prefix + ".weight", weight, filters, input, kernel, kernel)];
        if (bias is not null)
        {
            inputs.Add(_graph.Weight(prefix + ".bias", bias, filters));
        }

        var conv = _graph.Node("Conv", keepBatchNorm ? prefix + ".conv" : prefix, inputs, OnnxGraph.Ints("kernel_shape", kernel, kernel), OnnxGraph.Ints("strides", stride, stride), padAttribute);
        if (keepBatchNorm)
        {
            List<string> normInputs = [conv, .. statistics!.Select(p => _graph.Weight($"{batchNormPrefix}.{p.Name}", p.Values, filters))];
            conv = _graph.Node("BatchNormalization", prefix, normInputs, OnnxGraph.Float("epsilon", (float)batchNorm!.Epsilon));
        }

        return (conv, outputShape);
    }

    /// <summary>A batch norm's parameters in the order ONNX's BatchNormalization takes them (scale, B, mean, var).</summary>
    private (string Name, float[] Values)[] BatchNormParameters(string prefix, int features)
        => [.. BatchNormParameterNames.Select(name => (name, _weights.Get(prefix, name, features)))];

    /// <summary>
    /// A convolution's weights and bias with the following batch norm folded in: <c>w' = w · scale</c> per output
    /// channel, <c>b' = b · scale + shift</c> (b = 0 without a bias), computed in double precision.
    /// </summary>
    private static (float[] Weight, float[] Bias) Fold(float[] weight, float[]? bias, double[] scale, double[] shift)
    {
        var perFilter = weight.Length / scale.Length;
        var folded = new float[weight.Length];
        for (var i = 0; i < weight.Length; i++)
        {
            folded[i] = (float)(weight[i] * scale[i / perFilter]);
        }

        var foldedBias = new float[scale.Length];
        for (var c = 0; c < scale.Length; c++)
        {
            foldedBias[c] = (float)(((bias?[c] ?? 0) * scale[c]) + shift[c]);
        }

        return (folded, foldedBias);
    }

    /// <summary>An evaluation-mode batch norm as <c>x · scale + shift</c>: <c>scale = γ / √(σ² + ε)</c>, <c>shift = β − μ · scale</c>.</summary>
    private static (double[] Scale, double[] Shift) BatchNormScaleAndShift(BatchNormalizationLayer layer, (string Name, float[] Values)[] parameters)
    {
        var features = parameters[0].Values.Length;
        var (gamma, beta, mean, variance) = (parameters[0].Values, parameters[1].Values, parameters[2].Values, parameters[3].Values);
        var scale = new double[features];
        var shift = new double[features];
        for (var c = 0; c < features; c++)
        {
            scale[c] = gamma[c] / Math.Sqrt(variance[c] + layer.Epsilon);
            shift[c] = beta[c] - (mean[c] * scale[c]);
        }

        return (scale, shift);
    }

    /// <summary>A batch norm that no convolution absorbs (after a dense layer or an activation): a multiply and an add, per channel or feature.</summary>
    private string ScaleAndShift(BatchNormalizationLayer layer, string prefix, string x, LayerShape shape)
    {
        var (scale, shift) = BatchNormScaleAndShift(layer, BatchNormParameters(prefix, shape.Channels));
        long[] dims = shape.IsFlat ? [shape.Channels] : [shape.Channels, 1, 1];
        var scaled = _graph.Node("Mul", prefix + ".scaled", [x, _graph.Constant(prefix + ".scale", scale.Select(v => (float)v).ToArray(), dims)]);
        return _graph.Node("Add", prefix, [scaled, _graph.Constant(prefix + ".shift", shift.Select(v => (float)v).ToArray(), dims)]);
    }

    private (string, LayerShape) Dense(DenseLayer dense, string prefix, string x, LayerShape shape)
    {
        var weight = _weights.Get(prefix, "weight", (long)dense.Units * shape.Features);
        List<string> inputs = [x, _graph.Weight(prefix + ".weight", weight, dense.Units, shape.Features)];
        if (_weights.Find(prefix, "bias", dense.Units) is { } bias)
        {
            inputs.Add(_graph.Weight(prefix + ".bias", bias, dense.Units));
        }

        return (_graph.Node("Gemm", prefix, inputs, OnnxGraph.Int("transB", 1)), LayerShape.Flat(dense.Units));
    }

    private string Activation(ActivationKind kind, string prefix, string x) => kind switch
    {
        ActivationKind.ReLU => _graph.Node("Relu", prefix, [x]),
        ActivationKind.ELU => _graph.Node("Elu", prefix, [x], OnnxGraph.Float("alpha", 1f)),
        ActivationKind.LeakyReLU => _graph.Node("LeakyRelu", prefix, [x], OnnxGraph.Float("alpha", 0.01f)),
        ActivationKind.Softmax => _graph.Node("Softmax", prefix, [x], OnnxGraph.Int("axis", -1)),
        ActivationKind.GELU => Gelu(prefix, x),
        _ => throw new FerModelException($"Layer '{prefix}': the activation {kind} cannot be exported to ONNX."),
    };

    /// <summary>The exact GELU, <c>x · ½ (1 + erf(x / √2))</c> (opset 17 has no Gelu op).</summary>
    private string Gelu(string prefix, string x)
    {
        var erf = _graph.Node("Erf", prefix + ".erf", [_graph.Node("Div", prefix + ".scaled", [x, _graph.Constant(prefix + ".sqrt2", [MathF.Sqrt(2f)])])]);
        var onePlus = _graph.Node("Add", prefix + ".one_plus", [erf, _graph.Constant(prefix + ".one", [1f])]);
        return _graph.Node("Mul", prefix, [_graph.Node("Mul", prefix + ".product", [x, onePlus]), _graph.Constant(prefix + ".half", [0.5f])]);
    }

    private (string, LayerShape) Pooling(Pooling2DLayer pool, string prefix, string x, LayerShape shape)
    {
        var pads = SamePadding.For(pool.Padding, shape.Height, shape.Width, pool.PoolSize, pool.Stride);
        var attributes = new List<AttributeProto>
        {
            OnnxGraph.Ints("kernel_shape", pool.PoolSize, pool.PoolSize),
            OnnxGraph.Ints("strides", pool.Stride, pool.Stride),
            OnnxGraph.Ints("pads", pads.Top, pads.Left, pads.Bottom, pads.Right),
        };
        if (!pool.IsMax)
        {
            attributes.Add(OnnxGraph.Int("count_include_pad", 0));
        }

        var output = _graph.Node(pool.IsMax ? "MaxPool" : "AveragePool", prefix, [x], [.. attributes]);
        return (output, new LayerShape(
            shape.Channels,
            SamePadding.OutputSize(pool.Padding, shape.Height, pool.PoolSize, pool.Stride),
            SamePadding.OutputSize(pool.Padding, shape.Width, pool.PoolSize, pool.Stride)));
    }

    private (string, LayerShape) Residual(ResidualLayer residual, string prefix, string x, LayerShape shape)
    {
        var (body, bodyShape) = Path(residual.Body, i => $"{prefix}.body.{i}", x, shape);
        var (shortcut, _) = residual.Shortcut.Count == 0 ? (x, shape) : Path(residual.Shortcut, i => $"{prefix}.shortcut.{i}", x, shape);
        var sum = _graph.Node("Add", residual.Activation is null ? prefix : prefix + ".sum", [body, shortcut]);
        return (residual.Activation is { } activation ? Activation(activation, prefix, sum) : sum, bodyShape);
    }

    private (string, LayerShape) Average(AverageLayer average, string prefix, string x, LayerShape shape)
    {
        var outputs = new List<string>();
        var output = shape;
        for (var b = 0; b < average.Branches.Count; b++)
        {
            var branch = b;
            (var branchOutput, output) = Path(average.Branches[b], i => $"{prefix}.branches.{branch}.{i}", x, shape);
            outputs.Add(branchOutput);
        }

        return (_graph.Node("Mean", prefix, outputs), output);
    }
}
