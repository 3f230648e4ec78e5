using System.Text.Json;
using Fer.Core;
using Fer.Onnx;
using SkiaSharp;

namespace Fer.Cli.Tests;

/// <summary>
/// --model and --onnx name the embedded models (default, accurate, ferplus, ferplus-accurate) in every command that predicts or
/// exports: predict, evaluate, video, export. The FER+ model answers with FER+'s eight emotions.
/// </summary>
public sealed class EmbeddedModelChoiceTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-cli-models-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_temp.FullName, name);

    [Fact]
    public void Predict_with_the_FerPlus_model_gives_eight_probabilities_on_both_engines()
    {
        var image = WriteFace("face.png");
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        var expected = classifier.Predict(image);

        foreach (var args in new[] { new[] { "--model", "ferplus" }, ["--model", "FerPlus"], ["--onnx", "ferplus"] })
        {
            var run = FerRun.Run(["predict", image, .. args, "--json"]);
            Assert.True(run.Code == ExitCodes.Success, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            var probabilities = json.RootElement[0].GetProperty("probabilities");
            Assert.Equal(ClassNames.FerPlus.Order(), probabilities.EnumerateObject().Select(p => p.Name).Order());
            foreach (var (name, probability) in expected.Probabilities)
            {
                Assert.Equal(probability, probabilities.GetProperty(name).GetSingle(), 4);
            }
        }
    }

    [Fact]
    public void Predict_and_evaluate_with_the_accurate_FerPlus_model_use_its_ten_crop_on_both_engines()
    {
        var image = WriteFace("face.png");
        using var classifier = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        var expected = classifier.Predict(image);
        foreach (var args in new[] { new[] { "--model", "ferplus-accurate" }, ["--onnx", "FerPlus-Accurate"] })
        {
            var run = FerRun.Run(["predict", image, .. args, "--json"]);
            Assert.True(run.Code == ExitCodes.Success, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            var probabilities = json.RootElement[0].GetProperty("probabilities");
            foreach (var (name, probability) in expected.Probabilities)
            {
                Assert.Equal(probability, probabilities.GetProperty(name).GetSingle(), 4);
            }
        }

        var (pixels, labels) = FerPlusFixture.Write(_temp.FullName);
        var evaluation = FerRun.Run("evaluate", "--data", pixels, "--ferplus", labels, "--model", "ferplus-accurate", "--json");
        Assert.True(evaluation.Code == ExitCodes.Success, evaluation.Error);
        Assert.Contains("contempt", evaluation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_with_the_FerPlus_model_scores_FER_plus_votes_over_eight_classes()
    {
        var (pixels, labels) = FerPlusFixture.Write(_temp.FullName);
        var run = FerRun.Run("evaluate", "--data", pixels, "--ferplus", labels, "--model", "ferplus", "--json");
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(4, json.RootElement.GetProperty("count").GetInt32());
        Assert.Contains("contempt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_FerPlus_model_for_Fer_Onnx()
    {
        var onnx = PathOf("ferplus.onnx");
        var run = FerRun.Run("export", "ferplus", onnx);
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        using var exported = OnnxEmotionClassifier.Load(onnx);
        Assert.Equal(ClassNames.FerPlus, exported.ClassNames);
    }

    [Fact]
    public void Help_names_every_embedded_model_and_an_unknown_name_is_a_missing_file()
    {
        var help = FerRun.Run("predict", "--help");
        Assert.Contains("default, accurate, ferplus, ferplus-accurate", help.Output, StringComparison.Ordinal);

        var unknown = FerRun.Run("predict", WriteFace("a.png"), "--model", "ferplus-large");
        Assert.Equal(ExitCodes.InputError, unknown.Code);
        Assert.Contains("ferplus-large", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_fine_tunes_an_embedded_model_with_its_architecture()
    {
        var random = new Random(3);
        var pixels = PathOf("train.csv");
        File.WriteAllLines(pixels, new[] { "emotion,pixels,Usage" }.Concat(Enumerable.Range(0, 14).Select(i =>
            $"{i % 7},{string.Join(" ", Enumerable.Range(0, 2304).Select(_ => random.Next(256)))},Training")));
        var model = PathOf("tuned.fer");
        var run = FerRun.Run("train", "--data", pixels, "--start-from", "default", "--out", model, "--epochs", "1", "--validation-split", "0");
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        using var tuned = EmotionClassifier.Load(model);
        Assert.Equal("CompactVgg", tuned.TrainingInfo[TrainingInfoKeys.Architecture]);
        Assert.StartsWith("CompactVgg, classes [angry, disgust", tuned.TrainingInfo[TrainingInfoKeys.StartedFrom], StringComparison.Ordinal);

        var mismatch = FerRun.Run("train", "--data", pixels, "--start-from", "default", "--architecture", "TinyVgg", "--out", model, "--epochs", "1");
        Assert.Equal(ExitCodes.InputError, mismatch.Code);
        Assert.Contains("different architectures", mismatch.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Video_with_the_FerPlus_model_writes_a_timeline_of_eight_emotions()
    {
        var video = TestVideos.PanAndZoom(_temp.FullName);
        var output = PathOf("out");
        var run = FerRun.Run("video", video, "--fps", "2", "--out", output, "--model", "ferplus");
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        var header = File.ReadLines(Path.Combine(output, "timeline.csv")).First();
        Assert.Contains("contempt", header, StringComparison.Ordinal);
    }

    private string WriteFace(string name)
    {
        var pixels = RealFaces.Pixels().AsSpan(0, 48 * 48);
        using var bitmap = new SKBitmap(new SKImageInfo(48, 48, SKColorType.Gray8, SKAlphaType.Opaque));
        pixels.CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(PathOf(name), png.ToArray());
        return PathOf(name);
    }
}
