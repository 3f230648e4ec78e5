using System.Globalization;
using System.Text.Json;
using Fer.Internal;
using Microsoft.ML.OnnxRuntime;

namespace Fer.Onnx;

/// <summary>
/// What an exported model says about itself, read from its metadata and checked against its graph's input and output:
/// the class names, the input shape, the training facts and the prediction defaults. A model that Fer.Core did not export, or whose metadata
/// contradicts its graph, is refused with the reason.
/// </summary>
internal sealed record OnnxModelSignature(IReadOnlyList<string> ClassNames, ImageShape InputShape, IReadOnlyDictionary<string, string> TrainingInfo, PredictionDefaults PredictionDefaults)
{
    /// <summary>The largest side and channel count accepted: far beyond any facial-expression model, small enough that a probe batch stays small.</summary>
    private const int MaxSide = 1024;
    private const int MaxChannels = 4;

    public static OnnxModelSignature Read(InferenceSession session, string source)
    {
        var metadata = session.ModelMetadata.CustomMetadataMap;
        string Field(string key) => metadata.TryGetValue(key, out var value)
            ? value
            : throw Invalid(source, $"it has no '{key}' metadata: it was not exported by Fer.Core's ExportOnnx (or `fer export`), which records the class names and input shape");

        var format = Field(OnnxMetadataKeys.Format);
        if (format != OnnxMetadataKeys.CurrentFormat)
        {
            throw Invalid(source, $"its export format is '{format}', but this version of Fer.Onnx reads format {OnnxMetadataKeys.CurrentFormat}; export the model again with the same version of Fer.Core");
        }

        if (Field(OnnxMetadataKeys.InputRange) != OnnxMetadataKeys.PixelRange)
        {
            throw Invalid(source, $"its input range is '{metadata[OnnxMetadataKeys.InputRange]}', expected '{OnnxMetadataKeys.PixelRange}'");
        }

        var classNames = ReadClassNames(Field(OnnxMetadataKeys.ClassNames), source);
        var shape = ReadShape(Field(OnnxMetadataKeys.InputShape), source);
        CheckGraph(session, source, shape, classNames.Count);
        var training = metadata
            .Where(kv => kv.Key.StartsWith(OnnxMetadataKeys.TrainingPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[OnnxMetadataKeys.TrainingPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        return new OnnxModelSignature(classNames, shape, training.AsReadOnly(), ReadPredictionDefaults(metadata, source));
    }

    /// <summary>The prediction defaults, "None" and 1 when absent (models exported before they existed).</summary>
    private static PredictionDefaults ReadPredictionDefaults(IReadOnlyDictionary<string, string> metadata, string source)
    {
        var augmentation = metadata.GetValueOrDefault(OnnxMetadataKeys.TestTimeAugmentation, nameof(TestTimeAugmentation.None));
        if (!Enum.TryParse<TestTimeAugmentation>(augmentation, ignoreCase: false, out var mode) || !Enum.IsDefined(mode) || int.TryParse(augmentation, out _))
        {
            throw Invalid(source, $"its test-time augmentation '{augmentation}' is not one of {string.Join(", ", Enum.GetNames<TestTimeAugmentation>())}");
        }

        var text = metadata.GetValueOrDefault(OnnxMetadataKeys.Temperature, "1");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var temperature)
            || !(temperature is >= PredictionDefaults.MinTemperature and <= PredictionDefaults.MaxTemperature))
        {
            throw Invalid(source, $"its calibration temperature '{text}' is not a number in [{PredictionDefaults.MinTemperature}, {PredictionDefaults.MaxTemperature}]");
        }

        return new PredictionDefaults { TestTimeAugmentation = mode, Temperature = temperature };
    }

    private static IReadOnlyList<string> ReadClassNames(string json, string source)
    {
        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its class names are not a JSON array of strings: {ExceptionWords.Describe(e)}");
        }

        try
        {
            return ModelInputChecks.ClassNameList(names ?? throw Invalid(source, "its class names are null"), "class names");
        }
        catch (ArgumentException e)
        {
            throw Invalid(source, ExceptionWords.Of(e));
        }
    }

    private static ImageShape ReadShape(string text, string source)
    {
        var parts = text.Split(',');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw Invalid(source, $"its input shape '{text}' is not three positive integers 'C,H,W'");
        }

        var (c, h, w) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        if (c is < 1 or > MaxChannels || h is < 1 or > MaxSide || w is < 1 or > MaxSide)
        {
            throw Invalid(source, $"its input shape ({c}, {h}, {w}) is outside 1–{MaxChannels} channels and 1–{MaxSide} pixels a side");
        }

        return new ImageShape(c, h, w);
    }

    private static void CheckGraph(InferenceSession session, string source, ImageShape shape, int classes)
    {
        if (!session.InputMetadata.TryGetValue(OnnxMetadataKeys.InputName, out var input) || session.InputMetadata.Count != 1)
        {
            throw Invalid(source, $"its graph must have one input named '{OnnxMetadataKeys.InputName}', but has {string.Join(", ", session.InputMetadata.Keys.Select(k => $"'{k}'"))}");
        }

        if (!session.OutputMetadata.TryGetValue(OnnxMetadataKeys.OutputName, out var output))
        {
            throw Invalid(source, $"its graph has no output named '{OnnxMetadataKeys.OutputName}'");
        }

        int[] expectedInput = [-1, shape.Channels, shape.Height, shape.Width];
        if (input.ElementType != typeof(float) || !input.Dimensions.SequenceEqual(expectedInput))
        {
            throw Invalid(source, $"its input is {input.ElementType.Name} ({string.Join(", ", input.Dimensions)}), but its metadata says float (N, {shape.Channels}, {shape.Height}, {shape.Width})");
        }

        if (output.ElementType != typeof(float) || !output.Dimensions.SequenceEqual([-1, classes]))
        {
            throw Invalid(source, $"its output is {output.ElementType.Name} ({string.Join(", ", output.Dimensions)}), but its metadata names {classes} classes: float (N, {classes}) expected");
        }
    }

    internal static FerModelException Invalid(string source, string reason, Exception? inner = null) => new($"Invalid ONNX model: {source}: {reason}.", inner);
}
