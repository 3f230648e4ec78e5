using System.Reflection;

namespace Fer.Internal;

/// <summary>
/// Where each <see cref="EmbeddedModel"/> comes from: its folder in training-artifacts (the run that made it), the file
/// name's stem (<c>default</c>: default.fer in Fer.Core, default.onnx in Fer.Onnx; also the resource's name) and the
/// words error messages use. Both engines embed and load the same list.
/// </summary>
internal static class EmbeddedModelFiles
{
    public static (string Folder, string Stem, string Description) Of(EmbeddedModel model) => model switch
    {
        EmbeddedModel.Default => ("compactvgg-student", "default", "the embedded default model"),
        EmbeddedModel.Accurate => ("accurate-ensemble", "accurate", "the embedded accurate model"),
        EmbeddedModel.FerPlus => ("ferplus-fast", "ferplus", "the embedded FER+ model"),
        EmbeddedModel.FerPlusAccurate => ("ferplus-accurate", "ferplus-accurate", "the embedded accurate FER+ model"),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, $"Not an embedded model; they are {string.Join(", ", Enum.GetNames<EmbeddedModel>())}."),
    };

    /// <summary>
    /// The bytes of <paramref name="model"/>'s file embedded in <paramref name="package"/> (resource
    /// <c>{package}.Models.{stem}{extension}</c>), and the words that name it.
    /// </summary>
    /// <exception cref="FerModelException">This build of the package does not embed it; <paramref name="advice"/> ends the message.</exception>
    public static (byte[] Bytes, string Description) Read(EmbeddedModel model, Assembly package, string extension, string advice)
    {
        var (folder, stem, description) = Of(model);
        var name = package.GetName().Name;
        using var stream = package.GetManifestResourceStream($"{name}.Models.{stem}{extension}")
            ?? throw new FerModelException($"This build of {name} does not embed {description} (training-artifacts/{folder}/{stem}{extension} was absent when it was built).{advice}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return (buffer.ToArray(), description);
    }
}
