using System.CommandLine;
using System.Text.Json;
using Fer.Core;

namespace Fer.Cli;

/// <summary><c>fer predict IMAGE…</c>: the emotion of the face in each image.</summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Argument<FileInfo[]>("images") { Description = "Image files (JPEG, PNG, BMP, WebP, GIF); each whole image is treated as one face.", Arity = ArgumentArity.OneOrMore };
        var model = FerCommands.ModelOption();
        var json = FerCommands.JsonOption();
        var tta = FerCommands.TtaOption();
        var command = new Command("predict", "Predict the emotion of the face in each image.") { images, model, json, tta };
        command.SetAction(parsed =>
        {
            using var classifier = FerCommands.OpenClassifier(parsed.GetValue(model), parsed.GetValue(tta));
            var results = new List<object>();
            var failures = 0;
            foreach (var image in parsed.GetValue(images)!)
            {
                try
                {
                    var prediction = classifier.Predict(image.FullName);
                    results.Add(new { image = image.FullName, emotion = prediction.Label, confidence = prediction.Confidence, probabilities = prediction.Probabilities });
                    if (!parsed.GetValue(json))
                    {
                        output.WriteLine($"{image.Name}: {prediction}");
                    }
                }
                catch (Exception e) when (e is FerException or IOException)
                {
                    failures++;
                    results.Add(new { image = image.FullName, error = e.Message });
                    error.WriteLine($"{image.Name}: {e.Message}");
                }
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(results, FerCommands.Json));
            }

            return failures == 0 ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }
}
