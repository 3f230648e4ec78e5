using System.Globalization;
using System.Text.Json;
using SkiaSharp;

namespace Fer.Cli.Tests;

/// <summary>The fer commands end to end, in process: exit codes, JSON output, help.</summary>
public sealed class FerCommandsTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-cli-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_temp.FullName, name);

    private static (int Code, string Output, string Error) Run(params string[] args) => FerRun.Run(args);

    private string WriteCsv()
    {
        var random = new Random(2);
        var lines = new List<string> { "emotion,pixels,Usage" };
        for (var i = 0; i < 84; i++)
        {
            var pixels = string.Join(" ", Enumerable.Range(0, 2304).Select(_ => random.Next(256).ToString(CultureInfo.InvariantCulture)));
            lines.Add($"{i % 7},{pixels},{(i < 70 ? "Training" : "PublicTest")}");
        }

        File.WriteAllLines(PathOf("tiny.csv"), lines);
        return PathOf("tiny.csv");
    }

    private string WriteImage(string name)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 64, SKColorType.Gray8, SKAlphaType.Opaque));
        new Random(1).NextBytes(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(PathOf(name), png.ToArray());
        return PathOf(name);
    }

    [Fact]
    public void Train_then_predict_and_evaluate_with_json_output()
    {
        var csv = WriteCsv();
        var model = PathOf("model.fer");
        var train = Run("train", "--data", csv, "--out", model, "--epochs", "1", "--batch-size", "32", "--json");
        Assert.True(train.Code == ExitCodes.Success, train.Error);
        using (var json = JsonDocument.Parse(train.Output))
        {
            Assert.Equal(model, json.RootElement.GetProperty("model").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("epochs").GetInt32());
        }

        var image = WriteImage("face.png");
        var predict = Run("predict", image, "--model", model, "--json");
        Assert.Equal(ExitCodes.Success, predict.Code);
        using (var json = JsonDocument.Parse(predict.Output))
        {
            var first = json.RootElement[0];
            Assert.Equal(image, first.GetProperty("image").GetString());
            Assert.Equal(7, first.GetProperty("probabilities").EnumerateObject().Count());
        }

        var evaluate = Run("evaluate", "--data", csv, "--model", model, "--json", "--out", PathOf("report"));
        Assert.Equal(ExitCodes.Success, evaluate.Code);
        using (var json = JsonDocument.Parse(evaluate.Output))
        {
            Assert.Equal(14, json.RootElement.GetProperty("count").GetInt32());
        }

        Assert.True(File.Exists(PathOf("report/confusion.png")) && File.Exists(PathOf("report/curves.png")));
        var text = Run("predict", image, "--model", model);
        Assert.StartsWith("face.png: ", text.Output);
    }

    [Fact]
    public void Evaluate_on_FER_plus_votes_scores_majority_labels_and_says_what_was_left_out()
    {
        var (pixels, labels) = FerPlusFixture.Write(_temp.FullName);

        // The embedded FER2013 model (seven emotions) scored on FER+'s eight: contempt is a class it never predicts.
        var evaluate = Run("evaluate", "--data", pixels, "--ferplus", labels, "--out", PathOf("ferplus-report"));

        Assert.True(evaluate.Code == ExitCodes.Success, evaluate.Error);
        Assert.Contains("kept 4 of 6 faces (majority); left out 1 without agreement, 0 unknown, 1 not a face", evaluate.Output);
        Assert.Contains("contempt", evaluate.Output);
        Assert.Contains("kept 4 of 6 faces", File.ReadAllText(PathOf("ferplus-report/report.txt")));
        using var json = JsonDocument.Parse(Run("evaluate", "--data", pixels, "--ferplus", labels, "--json").Output);
        Assert.Equal(4, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Train_distils_from_one_or_several_teachers_and_names_a_missing_one()
    {
        var csv = WriteCsv();
        var teacher = PathOf("teacher.fer");
        Assert.Equal(ExitCodes.Success, Run("train", "--data", csv, "--out", teacher, "--epochs", "1", "--batch-size", "32").Code);

        var student = PathOf("student.fer");
        var single = Run("train", "--data", csv, "--out", student, "--epochs", "1", "--batch-size", "32", "--teacher", teacher, "--temperature", "3", "--distill-weight", "0.5");
        Assert.True(single.Code == ExitCodes.Success, single.Error);
        Assert.Equal("KnowledgeDistillation(teacher=MiniXception, T=3, w=0.5)", Distillation(student));

        var ensemble = Run("train", "--data", csv, "--out", student, "--epochs", "1", "--batch-size", "32", "--teacher", teacher, "--teacher", teacher);
        Assert.True(ensemble.Code == ExitCodes.Success, ensemble.Error);
        Assert.Equal("KnowledgeDistillation(teachers=MiniXception+MiniXception, T=4, w=0.9)", Distillation(student));

        var missing = Run("train", "--data", csv, "--out", student, "--epochs", "1", "--teacher", PathOf("absent.fer"));
        Assert.Equal(ExitCodes.InputError, missing.Code);
        Assert.Contains("teacher model", missing.Error);
        Assert.Contains("absent.fer", missing.Error);

        var badWeight = Run("train", "--data", csv, "--out", student, "--epochs", "1", "--teacher", teacher, "--distill-weight", "2");
        Assert.Equal(ExitCodes.InputError, badWeight.Code);
        Assert.Contains("weight", badWeight.Error);

        static string Distillation(string model)
        {
            using var loaded = Fer.Core.Sequential.Load(model);
            return loaded.TrainingInfo[Fer.Core.TrainingInfoKeys.Distillation];
        }
    }

    [Fact]
    public void The_embedded_models_are_chosen_by_name_and_predict_with_their_own_defaults()
    {
        var image = WriteImage("face.png");
        var accurate = Run("predict", image, "--model", "accurate", "--json");
        Assert.True(accurate.Code == ExitCodes.Success, accurate.Error);

        using var classifier = Fer.Core.EmotionClassifier.LoadAccurate();   // ten-crop and its temperature, as the command used
        var expected = classifier.Predict(image);
        foreach (var output in new[] { accurate.Output, Run("predict", image, "--onnx", "accurate", "--json").Output })
        {
            using var json = JsonDocument.Parse(output);
            var probabilities = json.RootElement[0].GetProperty("probabilities");
            foreach (var (name, probability) in expected.Probabilities)
            {
                Assert.Equal(probability, probabilities.GetProperty(name).GetSingle(), 4);
            }
        }

        var plain = Run("predict", image, "--onnx", "default", "--json");
        Assert.True(plain.Code == ExitCodes.Success, plain.Error);
    }

    [Fact]
    public void Exit_codes_tell_usage_errors_from_input_errors()
    {
        Assert.Equal(ExitCodes.UsageError, Run("predict").Code);
        Assert.Equal(ExitCodes.UsageError, Run("train", "--data", "x.csv").Code);
        Assert.Equal(ExitCodes.UsageError, Run("frobnicate").Code);

        var missing = Run("evaluate", "--data", PathOf("missing.csv"), "--model", PathOf("missing.fer"));
        Assert.Equal(ExitCodes.InputError, missing.Code);
        Assert.Contains("missing", missing.Error);

        File.WriteAllText(PathOf("broken.fer"), "not a model");
        var broken = Run("predict", WriteImage("a.png"), "--model", PathOf("broken.fer"));
        Assert.Equal(ExitCodes.InputError, broken.Code);
        Assert.Contains("Invalid model file", broken.Error);
    }

    [Fact]
    public void Help_explains_every_option()
    {
        var help = Run("train", "--help");
        Assert.Equal(ExitCodes.Success, help.Code);
        foreach (var option in new[] { "--data", "--out", "--architecture", "--epochs", "--batch-size", "--validation-split", "--limit", "--seed", "--resume-dir", "--teacher", "--temperature", "--distill-weight", "--json" })
        {
            Assert.Contains(option, help.Output);
        }

        Assert.Contains("MiniXception", help.Output);
    }
}
