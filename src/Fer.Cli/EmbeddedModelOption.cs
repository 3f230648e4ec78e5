namespace Fer.Cli;

/// <summary>
/// How --model and --onnx values name the embedded models: an existing file wins; otherwise a name from
/// <see cref="EmbeddedModelNames"/> (<see cref="EmbeddedModelNames.All"/>, any case) picks the embedded model.
/// </summary>
internal static class EmbeddedModelOption
{
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

        return EmbeddedModelNames.TryParse(option.Name, out var model) ? model : null;
    }
}
