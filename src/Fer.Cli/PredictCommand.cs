using System.CommandLine;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;
using Fer.Media;

namespace Fer.Cli;

/// <summary>
/// <c>fer predict IMAGE…</c>: the emotion of the face in each image; with <c>--faces</c>, of every face found in each
/// photo. Without it, a photo in which the detector finds several faces gets a note that points to <c>--faces</c>.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Argument<string[]>("images")
        {
            Description = "Image files (JPEG, PNG, BMP, WebP, GIF) or folders of them. Each whole image is one face, unless --faces is given.",
            Arity = ArgumentArity.OneOrMore,
        };
        var faces = new Option<bool>("--faces")
        {
            Description = "Find every face in each photo (BlazeFace) and predict the emotion of each.",
        };
        var model = FerCommands.ModelOption();
        var onnx = FerCommands.OnnxOption();
        var json = FerCommands.JsonOption();
        var tta = FerCommands.TtaOption();
        var outputDirectory = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "With --faces: also write faces.csv, faces.json and annotated/<name>.annotated.jpg here.",
        };
        var command = new Command("predict", "Predict the emotion of the face in each image, or of every face in each photo (--faces).") { images, faces, model, onnx, json, tta, outputDirectory };
        command.SetAction(parsed =>
        {
            using var classifier = FerCommands.OpenPredictor(parsed.GetValue(model), parsed.GetValue(onnx), parsed.GetValue(tta));
            using var detector = new BlazeFaceDetector();
            var asJson = parsed.GetValue(json);
            var paths = parsed.GetValue(images)!.SelectMany(p => Directory.Exists(p) ? PhotoPipeline.Find(p) : [p]).ToList();
            if (parsed.GetValue(faces))
            {
                return PredictPhotos(classifier, detector, paths, parsed.GetValue(outputDirectory), asJson, output, error);
            }

            if (parsed.GetValue(outputDirectory) is not null)
            {
                error.WriteLine("--out needs --faces.");
                return ExitCodes.UsageError;
            }

            var results = new List<object>();
            var failures = 0;
            foreach (var image in paths.Select(p => new FileInfo(p)))
            {
                try
                {
                    results.Add(PredictWholeImage(classifier, detector, image, asJson ? null : output, error));
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
        using var photo = Photo.Load(image.FullName);
        var found = detector.Detect(photo).Count;
        string? note = null;
        if (found > 1)
        {
            note = $"{image.Name} looks like a photo with {found} faces, but predict treats each image as one face; add --faces to find and classify each face.";
            error.WriteLine($"note: {note}");
        }

        return new { image = image.FullName, emotion = prediction.Label, confidence = prediction.Confidence, probabilities = prediction.Probabilities, facesDetected = found, note };
    }

    /// <summary>Every face of every photo through the batched pipeline; a bad photo is reported and skipped.</summary>
    private static int PredictPhotos(IEmotionPredictor classifier, BlazeFaceDetector detector, List<string> paths, DirectoryInfo? directory, bool asJson, TextWriter output, TextWriter error)
    {
        directory?.Create();
        var options = new PhotoPipelineOptions { AnnotatedFolder = directory is null ? null : Path.Combine(directory.FullName, "annotated") };
        var results = WorkProgressDisplay.Run(error, "photos", paths.Count, report =>
            classifier.PredictPhotos(paths, detector, options, new Progress<PhotoPipelineProgress>(p => report(p.Photos, $"photos: {p.Photos}/{p.Total}, {p.Faces} faces"))).ToList());
        foreach (var result in results)
        {
            var name = Path.GetFileName(result.Path);
            if (!result.Succeeded)
            {
                error.WriteLine($"{name}: {result.Error}");
                continue;
            }

            if (!asJson)
            {
                output.WriteLine($"{name}: {result.Faces.Count} {(result.Faces.Count == 1 ? "face" : "faces")}");
                foreach (var face in result.Faces)
                {
                    output.WriteLine($"  {face}");
                }
            }
        }

        if (directory is not null)
        {
            PhotoPipeline.SaveCsv(results, Path.Combine(directory.FullName, "faces.csv"));
            PhotoPipeline.SaveJson(results, Path.Combine(directory.FullName, "faces.json"));
            error.WriteLine($"Results written to {directory.FullName}");
        }

        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(results.Select(r => r.Succeeded ? (object)new
            {
                image = Path.GetFullPath(r.Path),
                faces = r.Faces.Select(f => new
                {
                    box = new { x = f.Face.Box.X, y = f.Face.Box.Y, width = f.Face.Box.Width, height = f.Face.Box.Height },
                    faceConfidence = f.Face.Confidence,
                    emotion = f.Emotion.Label,
                    confidence = f.Emotion.Confidence,
                    probabilities = f.Emotion.Probabilities,
                }).ToArray(),
            } : new { image = Path.GetFullPath(r.Path), error = r.Error }), FerCommands.Json));
        }

        if (paths.Count > 1)
        {
            error.WriteLine(PhotoPipeline.Summarize(results));
        }

        return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.InputError;
    }
}
