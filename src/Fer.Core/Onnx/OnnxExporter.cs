using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Fer.Core.Onnx.Schema;
using Fer.Internal;
using Google.Protobuf;

namespace Fer.Core;

/// <summary>
/// Writes a <see cref="Sequential"/> model as a standard ONNX model (opset <see cref="Opset"/>) in inference form:
/// batch norms that follow a convolution folded into it (the others become a multiply and an add), dropout left out,
/// a softmax at the end. Weights that are exactly float16 values (a model saved with <see cref="WeightPrecision.Half"/>)
/// are stored as float16, half the bytes, with their batch norms left for ONNX Runtime to fold at load. The graph takes (N, C, H, W) pixels 0–255 and normalises them itself; class names, input
/// shape, normalisation and training facts go into the model's metadata (<see cref="OnnxMetadataKeys"/>). Works from
/// the layers' public descriptions and <see cref="Sequential.GetWeights"/>, so it runs what the layers mean rather
/// than how TorchSharp modules compute them; the parity tests hold the two together.
/// </summary>
internal static class OnnxExporter
{
    /// <summary>The ONNX operator set the graph uses (ONNX 1.12, ONNX Runtime 1.12 and later).</summary>
    public const int Opset = 17;

    /// <summary>The IR version that goes with <see cref="Opset"/>.</summary>
    private const int IrVersion = 8;

    public static byte[] Export(Sequential model)
    {
        var classNames = model.ClassNames
            ?? throw new FerModelException("The model has no class names, which the ONNX model records; set Sequential.ClassNames (training sets them) before exporting.");
        var rows = model.Summary().Rows;
        var weights = new WeightSource(model.GetWeights().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>(), StringComparer.Ordinal));
        var graph = new OnnxGraph("fer_classifier");
        var input = model.InputShape;
        var x = Normalize(graph, model.Normalization);
        var shape = new LayerShape(input.Channels, input.Height, input.Width);
        var layers = model.Layers;
        // A final softmax is written as the output node; an ensemble's average of probabilities is the output as it is.
        var endsInSoftmax = layers[^1] is ActivationLayer { Function: ActivationKind.Softmax };
        var count = endsInSoftmax ? layers.Count - 1 : layers.Count;
        (x, shape) = new LayerWriter(graph, weights).Path(layers.Take(count).ToList(), i => rows[i].Name, x, shape);
        graph.Proto.Node.Add(model.OutputsProbabilities && !endsInSoftmax
            ? new NodeProto { OpType = "Identity", Name = "probabilities/Identity", Input = { x }, Output = { OnnxMetadataKeys.OutputName } }
            : new NodeProto { OpType = "Softmax", Name = "probabilities/Softmax", Input = { x }, Output = { OnnxMetadataKeys.OutputName }, Attribute = { OnnxGraph.Int("axis", -1) } });
        graph.Proto.Input.Add(OnnxGraph.FloatBatch(OnnxMetadataKeys.InputName, input.Channels, input.Height, input.Width));
        graph.Proto.Output.Add(OnnxGraph.FloatBatch(OnnxMetadataKeys.OutputName, shape.Features));

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Fer.Core",
            ProducerVersion = ProducerVersion(),
            Domain = "org.fer-core",
            ModelVersion = 1,
            DocString = $"Facial expression classifier exported by Fer.Core. Input '{OnnxMetadataKeys.InputName}': (N, {input.Channels}, {input.Height}, {input.Width}) grayscale pixels 0-255 (the graph normalises them). Output '{OnnxMetadataKeys.OutputName}': (N, {classNames.Count}) class probabilities in the order of the metadata's {OnnxMetadataKeys.ClassNames}.",
            Graph = graph.Proto,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in Metadata(model, classNames))
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return proto.ToByteArray();
    }

    /// <summary>(pixels / 255 − mean) / std, in the order the TorchSharp model computes it.</summary>
    private static string Normalize(OnnxGraph graph, Datasets.Normalization normalization)
    {
        var scaled = graph.Node("Div", "input.scaled", [OnnxMetadataKeys.InputName, graph.Constant("input.255", [255f])]);
        var centred = graph.Node("Sub", "input.centred", [scaled, graph.Constant("input.mean", [(float)normalization.Mean])]);
        return graph.Node("Div", "input.normalized", [centred, graph.Constant("input.std", [(float)normalization.Std])]);
    }

    private static IEnumerable<(string Key, string Value)> Metadata(Sequential model, IReadOnlyList<string> classNames)
    {
        var shape = model.InputShape;
        yield return (OnnxMetadataKeys.Format, OnnxMetadataKeys.CurrentFormat);
        yield return (OnnxMetadataKeys.ClassNames, JsonSerializer.Serialize(classNames));
        yield return (OnnxMetadataKeys.InputShape, string.Create(CultureInfo.InvariantCulture, $"{shape.Channels},{shape.Height},{shape.Width}"));
        yield return (OnnxMetadataKeys.InputRange, OnnxMetadataKeys.PixelRange);
        yield return (OnnxMetadataKeys.NormalizationMean, model.Normalization.Mean.ToString("R", CultureInfo.InvariantCulture));
        yield return (OnnxMetadataKeys.NormalizationStd, model.Normalization.Std.ToString("R", CultureInfo.InvariantCulture));
        yield return (OnnxMetadataKeys.TestTimeAugmentation, model.PredictionDefaults.TestTimeAugmentation.ToString());
        yield return (OnnxMetadataKeys.Temperature, model.PredictionDefaults.Temperature.ToString("R", CultureInfo.InvariantCulture));
        foreach (var (key, value) in model.TrainingInfo.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            yield return (OnnxMetadataKeys.TrainingPrefix + key, value);
        }
    }

    private static string ProducerVersion()
    {
        var version = typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
