// Predicts emotions with the default model embedded in Fer.Core (or --model).
//
// Face crops (the whole image is one face, as in FER2013):
//   dotnet run -c Release --project samples/Predict -- [--model model.fer] [--tta] face1.jpg face2.png …
// Photos (finds every face with BlazeFace, then classifies each; writes <dir>/<name>.annotated.jpg and <name>.faces.json):
//   dotnet run -c Release --project samples/Predict -- --annotate <dir> [--min-face 0.06] photo1.jpg …
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;
using Fer.Samples;

var arguments = new SampleArguments(args);
if (arguments.Positional.Count == 0 || arguments.Has("help"))
{
    Console.WriteLine("usage: Predict [--model model.fer] [--tta] [--annotate <output dir> [--min-face 0.06]] <image> [<image> …]");
    return arguments.Has("help") ? 0 : 2;
}

using var classifier = arguments.Get("model") is { } modelPath ? EmotionClassifier.Load(modelPath) : EmotionClassifier.Default;
if (arguments.Has("tta"))
{
    classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
}

var outputFolder = arguments.Get("annotate");
using var detector = outputFolder is null ? null : new BlazeFaceDetector(new BlazeFaceOptions { SmallestFace = arguments.GetDouble("min-face", 0.06) });
var failures = 0;
foreach (var path in arguments.Positional)
{
    try
    {
        if (detector is null)
        {
            var prediction = classifier.Predict(path);
            var others = string.Join("  ", prediction.Probabilities.OrderByDescending(p => p.Value).Skip(1).Take(2).Select(p => $"{p.Key} {p.Value:P0}"));
            Console.WriteLine($"{path}: {prediction}   ({others})");
            continue;
        }

        using var photo = Photo.Load(path);
        var faces = classifier.PredictFaces(photo, detector);
        var name = Path.GetFileNameWithoutExtension(path);
        var annotated = Path.Combine(outputFolder!, name + ".annotated.jpg");
        var json = Path.Combine(outputFolder!, name + ".faces.json");
        FaceAnnotations.SaveImage(photo, faces, annotated);
        File.WriteAllText(json, FaceAnnotations.ToJson(photo, faces));
        Console.WriteLine($"{path}: {faces.Count} face(s) → {annotated}, {json}");
        foreach (var face in faces)
        {
            Console.WriteLine($"  {face}");
        }
    }
    catch (Exception e) when (e is FerException or IOException)
    {
        failures++;
        Console.Error.WriteLine($"{path}: {e.Message}");
    }
}

return failures == 0 ? 0 : 1;
