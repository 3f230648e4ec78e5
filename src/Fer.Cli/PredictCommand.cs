using System.CommandLine;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;

namespace Fer.Cli;

/// <summary>
/// <c>fer predict IMAGE…</c>: the emotion of the face in each image; with <c>--faces</c>, of every face found in each
/// photo. Without it, a photo in which the detector finds several faces gets a note that points to <c>--faces</c>.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Argument<FileInfo[]>("images")
        {
            Description = "Image files (JPEG, PNG, BMP, WebP, GIF). Each whole image is one face, unless --faces is given.",
            Arity = ArgumentArity.OneOrMore,
        };
        var faces = new Option<bool>("--faces")
        {
            Description = "Find every face in each photo (BlazeFace) and predict the emotion of each.",
        };
        var model = FerCommands.ModelOption();
        var onnx = new Option<FileInfo?>("--onnx")
        {
            Description = "Predict with this ONNX model (from 'fer export') on ONNX Runtime instead of TorchSharp; a --model ending in .onnx does the same.",
        };
        var json = FerCommands.JsonOption();
        var tta = FerCommands.TtaOption();
        var command = new Command("predict", "Predict the emotion of the face in each image, or of every face in each photo (--faces).") { images, faces, model, onnx, json, tta };
        command.SetAction(parsed =>
        {
            using var classifier = FerCommands.OpenPredictor(parsed.GetValue(model), parsed.GetValue(onnx), parsed.GetValue(tta));
            using var detector = new BlazeFaceDetector();
            var asJson = parsed.GetValue(json);
            var results = new List<object>();
            var failures = 0;
            foreach (var image in parsed.GetValue(images)!)
            {
                try
                {
                    results.Add(parsed.GetValue(faces)
                        ? PredictEveryFace(classifier, detector, image, asJson ? null : output)
                        : PredictWholeImage(classifier, detector, image, asJson ? null : output, error));
                }
                catch (Exception e) when (e is FerException or IOException or UnauthorizedAccessException)
                {
                    failures++;
                    results.Add(new { image = image.FullName, error = e.Message });
                    error.WriteLine($"{image.Name}: {e.Message}");
                }
            }

            if (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(results, FerCommands.Json));
            }

            return failures == 0 ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }

    private static object PredictWholeImage(IEmotionPredictor classifier, BlazeFaceDetector detector, FileInfo image, TextWriter? output, TextWriter error)
    {
        var prediction = classifier.Predict(image.FullName);
        output?.WriteLine($"{image.Name}: {prediction}");

        // A photo of several people gets one emotion for the whole picture here: say so, and how to do better.
        var found = detector.Detect(Photo.Load(image.FullName)).Count;
        string? note = null;
        if (found > 1)
        {
            note = $"{image.Name} looks like a photo with {found} faces, but predict treats each image as one face; add --faces to find and classify each face.";
            error.WriteLine($"note: {note}");
        }

        return new { image = image.FullName, emotion = prediction.Label, confidence = prediction.Confidence, probabilities = prediction.Probabilities, facesDetected = found, note };
    }

    private static object PredictEveryFace(IEmotionPredictor classifier, BlazeFaceDetector detector, FileInfo image, TextWriter? output)
    {
        var found = classifier.PredictFaces(image.FullName, detector);
        output?.WriteLine($"{image.Name}: {found.Count} {(found.Count == 1 ? "face" : "faces")}");
        foreach (var face in found)
        {
            output?.WriteLine($"  {face}");
        }

        return new
        {
            image = image.FullName,
            faces = found.Select(f => new
            {
                box = new { x = f.Face.Box.X, y = f.Face.Box.Y, width = f.Face.Box.Width, height = f.Face.Box.Height },
                faceConfidence = f.Face.Confidence,
                emotion = f.Emotion.Label,
                confidence = f.Emotion.Confidence,
                probabilities = f.Emotion.Probabilities,
            }).ToArray(),
        };
    }
}
