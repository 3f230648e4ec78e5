using Fer.Core;
using Fer.Core.Onnx.Schema;

namespace Fer.Onnx.Tests;

/// <summary>Checks that an ONNX model embedded in Fer.Onnx is the export of the Fer.Core model it stands for.</summary>
internal static class EmbeddedExports
{
    /// <summary>Fails, naming the command that refreshes it, when the embedded graph or metadata differ from a fresh export.</summary>
    public static void AssertCurrent(EmotionClassifier shipped, string resource, string refreshCommand)
    {
        var exported = ModelProto.Parser.ParseFrom(OnnxExporter.Export(shipped.Model));
        using var stream = typeof(OnnxEmotionClassifier).Assembly.GetManifestResourceStream(resource);
        Assert.True(stream is not null, $"Fer.Onnx does not embed {resource}.");
        var embedded = ModelProto.Parser.ParseFrom(stream);

        // The graph and metadata must agree (the producer version follows the build's version).
        Assert.True(
            exported.Graph.Equals(embedded.Graph) && exported.MetadataProps.Equals(embedded.MetadataProps),
            $"{resource} is stale: run `{refreshCommand}`.");
    }
}
