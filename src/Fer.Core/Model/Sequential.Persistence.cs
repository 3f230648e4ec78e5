using Fer.Internal;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Save and Load: one file with architecture, weights and metadata.</summary>
public sealed partial class Sequential
{
    private const string ModelFormat = "fer-model";
    private const string WeightPrefix = "model/";

    /// <summary>
    /// Saves architecture, weights and metadata (class names, input shape, normalisation, training info, format
    /// version) to one file, atomically: a crash never leaves a half-written file.
    /// </summary>
    /// <param name="path">The file to write; its folder is created if missing.</param>
    public void Save(string path)
    {
        using var use = Use();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var header = Header(ModelFormat);
        var entries = WeightEntries();
        AtomicFile.Write(path, s => ModelFile.Write(s, header, entries));
    }

    /// <summary>
    /// Writes the model as a standard ONNX model (opset 17), atomically, for ONNX Runtime (Fer.Onnx's
    /// <c>OnnxEmotionClassifier</c>, Triton, ML.NET) without LibTorch. Inference form: batch norms folded, dropout
    /// removed, a softmax output. Input "pixels": (N, C, H, W) float pixels 0–255, N dynamic (the graph normalises);
    /// output "probabilities": (N, classes). Class names, input shape, normalisation and <see cref="TrainingInfo"/> go
    /// into the model's metadata.
    /// </summary>
    /// <param name="path">The .onnx file to write; its folder is created if missing.</param>
    /// <exception cref="FerModelException">The model has no class names, or a layer cannot be exported (the message names it).</exception>
    public void ExportOnnx(string path)
    {
        using var use = Use();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = OnnxExporter.Export(this);
        AtomicFile.Write(path, s => s.Write(model));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>. Every part of the file is checked; nothing in it is executed.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="device">Where to run the model; the CPU by default.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerModelException">The file is truncated, corrupt, forged, or of another format version.</exception>
    public static Sequential Load(string path, ComputeDevice? device = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Load(ModelFile.ReadAllBytes(path), path, device);
    }

    /// <summary>Loads a model from the bytes of a model file (for example an embedded resource).</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="source">A name for the bytes, used in messages.</param>
    /// <param name="device">Where to run the model; the CPU by default.</param>
    /// <exception cref="FerModelException">The bytes are not a valid model file.</exception>
    public static Sequential Load(byte[] file, string source, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (header, entries) = ModelFile.Read(file, source);
        var format = ModelFile.Text(header["format"]) ?? header["format"]?.ToJsonString();
        if (format is not (ModelFormat or TrainingStateFile.Format))
        {
            throw ModelFile.Invalid(source, $"its format is '{format}', not '{ModelFormat}'");
        }

        var model = FromHeader(header, source, device);
        try
        {
            model.LoadWeights(entries, source);
            model.CheckFiniteOutputs(source);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The weights as bytes (a weights-only model file), for keeping a copy in memory.</summary>
    internal byte[] SnapshotWeights()
    {
        using var stream = new MemoryStream();
        ModelFile.Write(stream, new JsonObject { ["format"] = "fer-weights" }, WeightEntries());
        return stream.ToArray();
    }

    internal void RestoreWeights(byte[] snapshot) => LoadWeights(ModelFile.Read(snapshot, "weights snapshot").Entries, "weights snapshot");

    internal JsonObject Architecture() => new()
    {
        ["inputShape"] = new JsonArray(InputShape.Channels, InputShape.Height, InputShape.Width),
        ["layers"] = new JsonArray(_layers.Select(l => (JsonNode)l.ToJson()).ToArray()),
    };

    internal JsonObject Header(string format) => new()
    {
        ["format"] = format,
        ["architecture"] = Architecture(),
        ["metadata"] = new JsonObject
        {
            ["classNames"] = new JsonArray(EffectiveClassNames().Select(n => (JsonNode)n).ToArray()),
            ["normalization"] = new JsonObject { ["mean"] = Normalization.Mean, ["std"] = Normalization.Std },
            ["seed"] = Seed,
            ["savedUtc"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["library"] = $"Fer.Core {typeof(Sequential).Assembly.GetName().Version}",
            ["training"] = new JsonObject(TrainingInfo.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        },
    };

    /// <summary>The class names to save: those set or trained with, else FER2013's for seven outputs, else "class_0", "class_1", ….</summary>
    private IReadOnlyList<string> EffectiveClassNames()
        => ClassNames ?? (OutputCount == Datasets.ClassNames.Fer2013.Count
            ? Datasets.ClassNames.Fer2013
            : Enumerable.Range(0, OutputCount).Select(i => $"class_{i}").ToArray());

    private static Sequential FromHeader(JsonObject header, string source, ComputeDevice? device)
    {
        try
        {
            var architecture = header["architecture"] as JsonObject ?? throw ModelFile.Invalid(source, "it has no architecture");
            var dims = (architecture["inputShape"] as JsonArray)?.Select(d => d!.GetValue<int>()).ToArray();
            if (dims is not { Length: 3 } || dims.Any(d => d <= 0 || d > 4096))
            {
                throw ModelFile.Invalid(source, "its input shape is not three positive sizes");
            }

            var metadata = header["metadata"] as JsonObject ?? throw ModelFile.Invalid(source, "it has no metadata");
            var normalization = new Normalization(metadata["normalization"]!["mean"]!.GetValue<double>(), metadata["normalization"]!["std"]!.GetValue<double>());
            if (!double.IsFinite(normalization.Mean) || !double.IsFinite(normalization.Std) || Math.Abs(normalization.Mean) > 1e3 || normalization.Std < 1e-12 || normalization.Std > 1e3)
            {
                throw ModelFile.Invalid(source, $"its normalisation (mean {normalization.Mean}, std {normalization.Std}) is outside what any model of pixels scaled to [0, 1] uses (|mean| <= 1000, 1e-12 <= std <= 1000)");
            }

            var model = new Sequential(new ImageShape(dims[0], dims[1], dims[2]), metadata["seed"]?.GetValue<int>() ?? 0, device)
            {
                Normalization = normalization,
                ClassNames = ModelInputChecks.ClassNameList((metadata["classNames"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToArray(), "classNames"),
            };
            foreach (var (node, i) in (architecture["layers"] as JsonArray ?? throw ModelFile.Invalid(source, "it has no layer list")).Select((n, i) => (n, i)))
            {
                model.Add(LayerJson.Read(node, $"{source}: layer {i + 1}"));
            }

            foreach (var kv in metadata["training"] as JsonObject ?? [])
            {
                model.TrainingInfo[kv.Key] = kv.Value?.ToString() ?? "";
            }

            if (model.OutputCount != model.ClassNames.Count)
            {
                var outputs = model.OutputCount;
                model.Dispose();
                throw ModelFile.Invalid(source, $"it names {model.ClassNames.Count} classes but its model outputs {outputs}");
            }

            return model;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw new FerModelException($"Invalid model file: {source}: its header is malformed ({e.Message}).", e);
        }
    }

    internal List<TensorEntry> WeightEntries()
    {
        using var scope = NewDisposeScope();
        var entries = new List<TensorEntry>();
        foreach (var (name, value) in Network.state_dict())
        {
            var cpuValue = value.detach().cpu().contiguous();
            var data = cpuValue.dtype switch
            {
                ScalarType.Float32 => (TensorEntry.Float32, MemoryMarshal.AsBytes(cpuValue.data<float>().ToArray().AsSpan()).ToArray()),
                ScalarType.Int64 => (TensorEntry.Int64, MemoryMarshal.AsBytes(cpuValue.data<long>().ToArray().AsSpan()).ToArray()),
                _ => throw new FerModelException($"Cannot save weight '{name}' of type {cpuValue.dtype}."),
            };
            entries.Add(new TensorEntry(WeightPrefix + name, data.Item1, cpuValue.shape, data.Item2));
        }

        return entries;
    }

    internal void LoadWeights(IReadOnlyDictionary<string, TensorEntry> entries, string source)
    {
        DiscardInferencePlan();
        using var scope = NewDisposeScope();
        var state = Network.state_dict();
        var expected = state.Keys.Select(k => WeightPrefix + k).ToHashSet(StringComparer.Ordinal);
        var unexpected = entries.Keys.Where(k => k.StartsWith(WeightPrefix, StringComparison.Ordinal) && !expected.Contains(k)).ToArray();
        if (unexpected.Length > 0)
        {
            throw ModelFile.Invalid(source, $"it has weights the architecture does not: {string.Join(", ", unexpected.Take(5))}");
        }

        using var noGrad = no_grad();
        foreach (var (name, target) in state)
        {
            if (!entries.TryGetValue(WeightPrefix + name, out var entry))
            {
                throw ModelFile.Invalid(source, $"it lacks the weight '{name}'");
            }

            var expectedType = target.dtype == ScalarType.Int64 ? TensorEntry.Int64 : TensorEntry.Float32;
            if (entry.Type != expectedType || !entry.Shape.SequenceEqual(target.shape))
            {
                throw ModelFile.Invalid(source, $"weight '{name}' is {entry.Type}[{string.Join(", ", entry.Shape)}] but the architecture needs {expectedType}[{string.Join(", ", target.shape)}]");
            }

            var loaded = entry.Type == TensorEntry.Int64
                ? tensor(MemoryMarshal.Cast<byte, long>(entry.Data).ToArray(), entry.Shape)
                : tensor(MemoryMarshal.Cast<byte, float>(entry.Data).ToArray(), entry.Shape);
            if (entry.Type == TensorEntry.Float32 && !loaded.isfinite().all().item<bool>())
            {
                throw ModelFile.Invalid(source, $"weight '{name}' holds NaN or infinite values");
            }

            if (name.EndsWith("running_var", StringComparison.Ordinal) && loaded.lt(0).any().item<bool>())
            {
                throw ModelFile.Invalid(source, $"weight '{name}' holds negative values, but a batch normalisation's running variance is never below 0");
            }

            target.copy_(loaded);
        }
    }
}
