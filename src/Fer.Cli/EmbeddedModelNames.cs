namespace Fer.Cli;

/// <summary>
/// The names --model and --onnx give the embedded models (when no file of that name exists): the
/// <see cref="EmbeddedModel"/> values in lower case ("default", "accurate", "ferplus"), any case accepted.
/// </summary>
internal static class EmbeddedModelNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<EmbeddedModel>().Select(Name).ToArray();

    public static string Name(EmbeddedModel model) => model switch
    {
        EmbeddedModel.FerPlus => "ferplus",
        _ => model.ToString().ToLowerInvariant(),
    };

    /// <summary>The embedded model a --model or --onnx value names, or null when it names a file (or nothing).</summary>
    public static EmbeddedModel? Find(FileInfo? option)
    {
        if (option is null)
        {
            return EmbeddedModel.Default;
        }

        if (option.Exists)
        {
            return null;
        }

        foreach (var model in Enum.GetValues<EmbeddedModel>())
        {
            if (string.Equals(Name(model), option.Name, StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        return null;
    }
}
