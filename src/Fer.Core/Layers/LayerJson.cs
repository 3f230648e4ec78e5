using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// Reads layer configurations written by <see cref="Layer.ToJson"/>. Only the known layer kinds are accepted and
/// every value is checked; nothing in a model file is executed.
/// </summary>
internal static class LayerJson
{
    private const int MaxDepth = 16;

    /// <summary>The most branches an Average layer may hold in a model file (an ensemble of networks).</summary>
    private const int MaxBranches = 16;

    public static Layer Read(JsonNode? node, string path, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(path, $"layers are nested deeper than {MaxDepth}");
        }

        if (node is not JsonObject json)
        {
            throw Invalid(path, "a layer must be a JSON object");
        }

        var kind = Text(json, "kind", path);
        try
        {
            return kind switch
            {
                "Conv2D" => Layers.Conv2D(Int(json, "filters", path), Int(json, "kernel", path), Int(json, "stride", path), Enum<Padding>(json, "padding", path), Bool(json, "useBias", path)),
                "SeparableConv2D" => Layers.SeparableConv2D(Int(json, "filters", path), Int(json, "kernel", path), Int(json, "stride", path), Enum<Padding>(json, "padding", path), Int(json, "depthMultiplier", path), Bool(json, "useBias", path)),
                "BatchNormalization" => Layers.BatchNorm(Number(json, "momentum", path), Number(json, "epsilon", path)),
                "Activation" => Layers.Activation(Enum<ActivationKind>(json, "function", path)),
                "MaxPooling2D" => Layers.MaxPool2D(Int(json, "pool", path), Int(json, "stride", path), Enum<Padding>(json, "padding", path)),
                "AveragePooling2D" => Layers.AvgPool2D(Int(json, "pool", path), Int(json, "stride", path), Enum<Padding>(json, "padding", path)),
                "GlobalAveragePooling2D" => Layers.GlobalAvgPool2D(),
                "Dropout" => Layers.Dropout(Number(json, "rate", path)),
                "Flatten" => Layers.Flatten(),
                "Dense" => Layers.Dense(Int(json, "units", path), Bool(json, "useBias", path)),
                "Residual" => Layers.Residual(
                    List(json, "body", path, depth),
                    List(json, "shortcut", path, depth),
                    json["activation"] is null ? null : Enum<ActivationKind>(json, "activation", path)),
                "Average" => Layers.Average(Branches(json, path, depth)),
                _ => throw Invalid(path, $"unknown layer kind '{kind}'"),
            };
        }
        catch (Exception e) when (e is ArgumentException || (e is FerModelException && !e.Message.StartsWith("Invalid model file", StringComparison.Ordinal)))
        {
            throw Invalid(path, Fer.Internal.ExceptionWords.Of(e));
        }
    }

    public static FerModelException Invalid(string path, string problem) => new($"Invalid model file: {path}: {problem}.");

    private static List<Layer> List(JsonObject json, string name, string path, int depth)
    {
        if (json[name] is not JsonArray array)
        {
            throw Invalid(path, $"'{name}' must be an array of layers");
        }

        return array.Select((n, i) => Read(n, $"{path}.{name}[{i}]", depth + 1)).ToList();
    }

    private static List<IReadOnlyList<Layer>> Branches(JsonObject json, string path, int depth)
    {
        if (json["branches"] is not JsonArray array || array.Count > MaxBranches)
        {
            throw Invalid(path, $"'branches' must be an array of at most {MaxBranches} layer lists");
        }

        return array.Select((branch, b) => branch is JsonArray layers
                ? (IReadOnlyList<Layer>)layers.Select((n, i) => Read(n, $"{path}.branches[{b}][{i}]", depth + 1)).ToList()
                : throw Invalid(path, $"'branches[{b}]' must be an array of layers"))
            .ToList();
    }

    private static JsonValue Value(JsonObject json, string name, string path)
        => json[name] as JsonValue ?? throw Invalid(path, $"'{name}' is missing");

    private static string Text(JsonObject json, string name, string path)
        => Value(json, name, path).TryGetValue<string>(out var s) ? s : throw Invalid(path, $"'{name}' must be a string");

    private static bool Bool(JsonObject json, string name, string path)
        => Value(json, name, path).TryGetValue<bool>(out var b) ? b : throw Invalid(path, $"'{name}' must be true or false");

    private static int Int(JsonObject json, string name, string path)
    {
        var value = Value(json, name, path);
        return value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var i) ? i : throw Invalid(path, $"'{name}' must be a whole number");
    }

    private static double Number(JsonObject json, string name, string path)
    {
        var value = Value(json, name, path);
        return value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : throw Invalid(path, $"'{name}' must be a finite number");
    }

    private static T Enum<T>(JsonObject json, string name, string path)
        where T : struct, Enum
        => System.Enum.TryParse<T>(Text(json, name, path), ignoreCase: false, out var e) && System.Enum.IsDefined(e)
            ? e
            : throw Invalid(path, $"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}");
}
