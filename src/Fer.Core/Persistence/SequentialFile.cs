using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Fer.Datasets;
using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A <see cref="Sequential"/> model in the model file format (<see cref="ModelFile"/>): the header (architecture and
/// metadata), the weights as tensor entries, and the checks a loaded model passes before it is handed out. Also used
/// by the training state (<see cref="TrainingStateFile"/>) and in-memory weight snapshots.
/// </summary>
internal static class SequentialFile
{
    public const string ModelFormat = "fer-model";
    private const string WeightPrefix = "model/";

    /// <summary>The weights as bytes (a weights-only model file), for keeping a copy in memory.</summary>
    public static byte[] SnapshotWeights(Sequential model)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(stream, new JsonObject { ["format"] = "fer-weights" }, WeightEntries(model));
        return stream.ToArray();
    }

    public static void RestoreWeights(Sequential model, byte[] snapshot) => LoadWeights(model, ModelFile.Read(snapshot, "weights snapshot").Entries, "weights snapshot");

    public static JsonObject Architecture(Sequential model) => new()
    {
        ["inputShape"] = new JsonArray(model.InputShape.Channels, model.InputShape.Height, model.InputShape.Width),
        ["layers"] = new JsonArray(model.Layers.Select(l => (JsonNode)l.ToJson()).ToArray()),
    };

    public static JsonObject Header(Sequential model, string format) => new()
    {
        ["format"] = format,
        ["architecture"] = Architecture(model),
        ["metadata"] = new JsonObject
        {
            ["classNames"] = new JsonArray(EffectiveClassNames(model).Select(n => (JsonNode)n).ToArray()),
            ["normalization"] = new JsonObject { ["mean"] = model.Normalization.Mean, ["std"] = model.Normalization.Std },
            ["seed"] = model.Seed,
            ["savedUtc"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["library"] = $"Fer.Core {typeof(Sequential).Assembly.GetName().Version}",
            ["training"] = new JsonObject(model.TrainingInfo.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["prediction"] = new JsonObject
            {
                ["testTimeAugmentation"] = model.PredictionDefaults.TestTimeAugmentation.ToString(),
                ["temperature"] = model.PredictionDefaults.Temperature,
            },
        },
    };

    /// <summary>The prediction defaults of a header's metadata; files written before they existed have none.</summary>
    private static PredictionDefaults ReadPredictionDefaults(JsonObject metadata, string source)
    {
        if (metadata["prediction"] is not { } node)
        {
            return PredictionDefaults.None;
        }

        var prediction = node as JsonObject ?? throw ModelFile.Invalid(source, "its prediction defaults are not an object");
        var augmentation = prediction["testTimeAugmentation"]?.GetValue<string>() ?? nameof(TestTimeAugmentation.None);
        if (!Enum.TryParse<TestTimeAugmentation>(augmentation, ignoreCase: false, out var mode) || !Enum.IsDefined(mode) || int.TryParse(augmentation, out _))
        {
            throw ModelFile.Invalid(source, $"its test-time augmentation '{augmentation}' is not one of {string.Join(", ", Enum.GetNames<TestTimeAugmentation>())}");
        }

        var temperature = prediction["temperature"]?.GetValue<double>() ?? 1;
        if (!(temperature is >= PredictionDefaults.MinTemperature and <= PredictionDefaults.MaxTemperature))
        {
            throw ModelFile.Invalid(source, $"its calibration temperature {temperature} is outside [{PredictionDefaults.MinTemperature}, {PredictionDefaults.MaxTemperature}]");
        }

        return new PredictionDefaults { TestTimeAugmentation = mode, Temperature = temperature };
    }

    /// <summary>The class names to save: those set or trained with, else FER2013's for seven outputs, else "class_0", "class_1", ….</summary>
    private static IReadOnlyList<string> EffectiveClassNames(Sequential model)
        => model.ClassNames ?? (model.OutputCount == ClassNames.Fer2013.Count
            ? ClassNames.Fer2013
            : Enumerable.Range(0, model.OutputCount).Select(i => $"class_{i}").ToArray());

    public static Sequential FromHeader(JsonObject header, string source, ComputeDevice? device)
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
                PredictionDefaults = ReadPredictionDefaults(metadata, source),
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
            throw new FerModelException($"Invalid model file: {source}: its header is malformed: {Fer.Internal.ExceptionWords.Of(e)}.", e);
        }
    }

    public static List<TensorEntry> WeightEntries(Sequential model, WeightPrecision precision = WeightPrecision.Full)
    {
        using var scope = NewDisposeScope();
        var entries = new List<TensorEntry>();
        foreach (var (name, value) in model.Network.state_dict())
        {
            var cpuValue = value.detach().cpu().contiguous();
            var data = cpuValue.dtype switch
            {
                ScalarType.Float32 when precision == WeightPrecision.Half => (TensorEntry.Float16, HalfBytes(model.WeightDisplayName(name), cpuValue.data<float>().ToArray())),
                ScalarType.Float32 => (TensorEntry.Float32, MemoryMarshal.AsBytes(cpuValue.data<float>().ToArray().AsSpan()).ToArray()),
                ScalarType.Int64 => (TensorEntry.Int64, MemoryMarshal.AsBytes(cpuValue.data<long>().ToArray().AsSpan()).ToArray()),
                _ => throw new FerModelException($"Cannot save weight '{name}' of type {cpuValue.dtype}."),
            };
            entries.Add(new TensorEntry(WeightPrefix + name, data.Item1, cpuValue.shape, data.Item2));
        }

        return entries;
    }

    /// <summary>The values as IEEE half-precision bytes; a value that half precision cannot hold is refused, never stored as infinity.</summary>
    private static byte[] HalfBytes(string name, float[] values)
    {
        var halves = new Half[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
            if (!Half.IsFinite(halves[i]))
            {
                throw new FerModelException($"Cannot save weight '{name}' in float16: its value {values[i]} at flat index {i} is beyond float16's range (±65,504). Save it in float32.");
            }
        }

        return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
    }

    /// <summary>
    /// Refuses a model file whose entry data is larger than its architecture can need (every weight in float32, plus
    /// room for an optimizer's state in a training state file), from its header alone, before the file is read: a
    /// forged or padded file of gigabytes costs a header read, not gigabytes of memory.
    /// </summary>
    public static void CheckDataSize((JsonObject Header, long DataBytes) peek, string source)
    {
        var (header, dataBytes) = peek;
        if (dataBytes < 0 || header["architecture"] is null)
        {
            return;   // not a readable header: the full read gives the precise reason
        }

        using var model = FromHeader(header, source, null);
        using var scope = NewDisposeScope();
        var weights = model.Network.state_dict().Values.Sum(t => t.numel());
        var limit = (weights * sizeof(float) * MaxStateCopies) + (1L << 20);
        if (dataBytes > limit)
        {
            throw ModelFile.Invalid(source, $"it holds {dataBytes:N0} bytes of weights, but its architecture has {weights:N0} weights, which need at most {limit:N0} bytes; the file is forged or padded");
        }
    }

    /// <summary>How many copies of the weights a file may hold: the weights, and an optimizer's state of up to three (Adam's two moments and more).</summary>
    private const long MaxStateCopies = 4;

    public static void LoadWeights(Sequential model, IReadOnlyDictionary<string, TensorEntry> entries, string source)
    {
        model.DiscardInferencePlan();
        using var scope = NewDisposeScope();
        var state = model.Network.state_dict();
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
            var typeFits = entry.Type == expectedType || (expectedType == TensorEntry.Float32 && entry.Type == TensorEntry.Float16);
            if (!typeFits || !entry.Shape.SequenceEqual(target.shape))
            {
                throw ModelFile.Invalid(source, $"weight '{name}' is {entry.Type}[{string.Join(", ", entry.Shape)}] but the architecture needs {expectedType}[{string.Join(", ", target.shape)}]");
            }

            var loaded = entry.Type switch
            {
                TensorEntry.Int64 => tensor(MemoryMarshal.Cast<byte, long>(entry.Data).ToArray(), entry.Shape),
                TensorEntry.Float16 => tensor(MemoryMarshal.Cast<byte, Half>(entry.Data).ToArray().Select(h => (float)h).ToArray(), entry.Shape),
                _ => tensor(MemoryMarshal.Cast<byte, float>(entry.Data).ToArray(), entry.Shape),
            };
            if (entry.Type != TensorEntry.Int64 && !loaded.isfinite().all().item<bool>())
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

    /// <summary>
    /// Runs a probe batch (black, mid-gray and white images, and a ramp) through the loaded model and refuses it when
    /// any probability is NaN or infinite: weights near float's limits, a tiny normalisation std or a huge mean pass
    /// every per-value check and still break every prediction.
    /// </summary>
    public static void CheckFiniteOutputs(Sequential model, string source)
    {
        using var scope = NewDisposeScope();
        var probabilities = model.ForwardProbabilities(model.PixelsToInput(ProbeImages.For(model.InputShape), ProbeImages.Count));
        if (!probabilities.isfinite().all().item<bool>())
        {
            throw new FerModelException(
                $"Invalid model file: {source}: it gives NaN or infinite probabilities for plain images (black, gray, white, a ramp); " +
                $"its weights or its normalisation (mean {model.Normalization.Mean}, std {model.Normalization.Std}) are broken.");
        }
    }
}
