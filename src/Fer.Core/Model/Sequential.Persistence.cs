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
    private const string StateFormat = "fer-training-state";
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
        var format = Text(header["format"]) ?? header["format"]?.ToJsonString();
        if (format is not (ModelFormat or StateFormat))
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

    private void SaveTrainingState(string path, History history, Callback[] callbacks)
    {
        var header = Header(StateFormat);
        header["epoch"] = history.Epochs.Count;
        header["learningRate"] = LearningRate;
        header["history"] = history.ToJsonNode();
        header["callbacks"] = new JsonArray(callbacks.Select(c => (JsonNode)new JsonObject { ["type"] = c.GetType().FullName, ["state"] = c.SaveState() }).ToArray());
        var entries = WeightEntries();
        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                CompiledOptimizer.save_state_dict(writer);
            }

            entries.Add(new TensorEntry("optimizer", TensorEntry.Bytes, [buffer.Length], buffer.ToArray()));
        }

        AtomicFile.Write(path, s => ModelFile.Write(s, header, entries));
    }

    private History RestoreTrainingState(string path, Callback[] callbacks)
    {
        var (header, entries) = ModelFile.Read(ModelFile.ReadAllBytes(path), path);
        if (Text(header["format"]) != StateFormat)
        {
            throw ModelFile.Invalid(path, "it is not a training state");
        }

        if (!JsonNode.DeepEquals(header["architecture"], Architecture()))
        {
            throw new FerModelException($"The training state {path} was written for another architecture; delete it or train the model it was written for.");
        }

        // Every field is read and checked before anything of the model changes.
        var epoch = StateField<int>(header, "epoch", path);
        var learningRate = StateField<double>(header, "learningRate", path);
        if (epoch < 1 || !double.IsFinite(learningRate) || learningRate < 0)
        {
            throw ModelFile.Invalid(path, $"its epoch ({epoch}) or learning rate ({learningRate}) is out of range");
        }

        History history;
        try
        {
            history = History.FromJson(header["history"] as JsonArray ?? throw ModelFile.Invalid(path, "it has no history"));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw new FerModelException($"Invalid model file: {path}: its history is malformed ({e.Message}).", e);
        }

        if (history.Epochs.Count != epoch || history.Epochs.Select((e, i) => e.Epoch != i + 1).Any(wrong => wrong))
        {
            throw ModelFile.Invalid(path, $"its history holds {history.Epochs.Count} epochs, numbered otherwise than 1 to {epoch}, the epoch it says it stopped at");
        }

        var saved = header["callbacks"] as JsonArray ?? throw ModelFile.Invalid(path, "it has no callback list");
        if (saved.Count != callbacks.Length || saved.Select(c => Text((c as JsonObject)?["type"]))
                .Where((t, i) => t != callbacks[i].GetType().FullName).Any())
        {
            throw new FerModelException($"The training state {path} was written with other callbacks; resume with the same callbacks in the same order.");
        }

        if (!entries.TryGetValue("optimizer", out var optimizerState))
        {
            throw ModelFile.Invalid(path, "it has no optimizer state");
        }

        var before = SnapshotWeights();
        try
        {
            LoadWeights(entries, path);
            try
            {
                using var reader = new BinaryReader(new MemoryStream(optimizerState.Data));
                CompiledOptimizer.load_state_dict(reader);
            }
            catch (Exception e) when (e is not FerException)
            {
                throw new FerModelException($"Invalid model file: {path}: its optimizer state does not fit {CompiledOptimizer.GetType().Name} of this model (truncated, or written by another optimizer): {e.Message}", e);
            }
        }
        catch
        {
            RestoreWeights(before);
            throw;
        }

        LearningRate = learningRate;
        for (var i = 0; i < callbacks.Length; i++)
        {
            if (saved[i]?["state"] is { } state)
            {
                try
                {
                    callbacks[i].LoadState(state);
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException or System.Text.Json.JsonException)
                {
                    throw new FerModelException($"Invalid model file: {path}: the state of callback {i + 1} ({callbacks[i].GetType().Name}) is malformed ({e.Message}).", e);
                }
            }
        }

        return history;
    }

    /// <summary>The string a JSON node holds, or null when it is absent or not a string.</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A typed header field of a training state, or the model exception naming it.</summary>
    private static T StateField<T>(JsonObject header, string name, string path)
        => header[name] is JsonValue value && value.TryGetValue<T>(out var result)
            ? result
            : throw ModelFile.Invalid(path, $"its '{name}' is missing or not a {typeof(T).Name}");

    private JsonObject Architecture() => new()
    {
        ["inputShape"] = new JsonArray(InputShape.Channels, InputShape.Height, InputShape.Width),
        ["layers"] = new JsonArray(_layers.Select(l => (JsonNode)l.ToJson()).ToArray()),
    };

    private JsonObject Header(string format) => new()
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
            normalization.Validate();
            if (Math.Abs(normalization.Mean) > 1e3 || normalization.Std < 1e-12 || normalization.Std > 1e3)
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

    private List<TensorEntry> WeightEntries()
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

    private void LoadWeights(IReadOnlyDictionary<string, TensorEntry> entries, string source)
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
