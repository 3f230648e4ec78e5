using System.Globalization;
using System.Text.Json;

namespace Fer.Cli.Tests;

/// <summary>`fer export` writes an ONNX model; `fer predict --onnx` (or a .onnx --model) predicts with it as the .fer model does.</summary>
public sealed class ExportCommandTests
{
    private static readonly string GroupPhoto = Path.Combine(AppContext.BaseDirectory, "Photos", "group3.jpg");

    private static (int Code, string Output, string Error) Run(params string[] args) => FerRun.Run(args);

    [Fact]
    public void An_exported_model_predicts_every_face_as_the_original_does()
    {
        var folder = Directory.CreateTempSubdirectory("fer-export-");
        try
        {
            var model = Path.Combine(folder.FullName, "model.fer");
            using (var classifier = Fer.Core.EmotionClassifier.LoadDefault())
            {
                classifier.Save(model);
            }

            var onnx = Path.Combine(folder.FullName, "model.onnx");
            var export = Run("export", model, onnx);
            Assert.Equal(ExitCodes.Success, export.Code);
            Assert.Contains("Exported model.fer", export.Output);
            Assert.True(new FileInfo(onnx).Length > 100_000);

            var expected = Faces(Run("predict", GroupPhoto, "--faces", "--json", "--model", model));
            Assert.Equal(3, expected.Count);
            foreach (var actual in new[] { Faces(Run("predict", GroupPhoto, "--faces", "--json", "--onnx", onnx)), Faces(Run("predict", GroupPhoto, "--faces", "--json", "--model", onnx)) })
            {
                Assert.Equal(expected.Select(f => (f.Box, f.Emotion)), actual.Select(f => (f.Box, f.Emotion)));
                Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Confidence, pair.Second.Confidence, 1e-4));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_embedded_model_is_exported_by_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("fer-export-name-");
        try
        {
            var onnx = Path.Combine(folder.FullName, "default.onnx");
            var export = Run("export", "default", onnx);

            Assert.Equal(ExitCodes.Success, export.Code);
            Assert.Contains("Exported default to", export.Output);
            using var exported = Fer.Onnx.OnnxEmotionClassifier.Load(onnx);
            Assert.Equal(Fer.ClassNames.Fer2013, exported.ClassNames);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bad_exports_and_model_choices_are_reported()
    {
        var missing = Run("export", "no-such-model.fer", Path.Combine(Path.GetTempPath(), "x.onnx"));
        Assert.Equal(ExitCodes.InputError, missing.Code);
        Assert.Contains("no-such-model.fer", missing.Error);

        var both = Run("predict", GroupPhoto, "--model", "a.fer", "--onnx", "b.onnx");
        Assert.Equal(ExitCodes.InputError, both.Code);
        Assert.Contains("either --model or --onnx", both.Error);

        var notOnnx = Path.Combine(Path.GetTempPath(), $"fer-not-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(notOnnx, "not a model");
        try
        {
            var bad = Run("predict", GroupPhoto, "--onnx", notOnnx);
            Assert.Equal(ExitCodes.InputError, bad.Code);
            Assert.Contains("Invalid ONNX model", bad.Error);
        }
        finally
        {
            File.Delete(notOnnx);
        }
    }

    /// <summary>Each face's box, label and confidence.</summary>
    private static List<(string Box, string? Emotion, double Confidence)> Faces((int Code, string Output, string Error) run)
    {
        Assert.Equal(ExitCodes.Success, run.Code);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement[0].GetProperty("faces").EnumerateArray()
            .Select(f => (f.GetProperty("box").ToString(), f.GetProperty("emotion").GetString(), f.GetProperty("confidence").GetDouble()))
            .ToList();
    }
}
