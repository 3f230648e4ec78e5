// Predicts emotions with the default model embedded in Fer.Core (or --model).
//
// Face crops (the whole image is one face, as in FER2013):
//   dotnet run -c Release --project samples/Predict -- [--model model.fer] [--tta] face1.jpg face2.png …
// Photos (finds every face with BlazeFace, then classifies each; writes <dir>/<name>.annotated.jpg and <name>.faces.json):
//   dotnet run -c Release --project samples/Predict -- --annotate <dir> [--min-face 0.06] photo1.jpg …
using System.CommandLine;
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;
using Fer.Imaging;

var images = new Argument<string[]>("images") { Description = "Face crops, or photos with --annotate.", Arity = ArgumentArity.OneOrMore };
var model = new Option<string?>("--model") { Description = "A model file; the default model embedded in Fer.Core when omitted." };
var tta = new Option<bool>("--tta") { Description = "Average ten crops of each face (slower, usually more accurate)." };
var annotate = new Option<string?>("--annotate") { Description = "Find every face in each photo and write <name>.annotated.jpg and <name>.faces.json to this folder." };
var minFace = new Option<double>("--min-face") { Description = "With --annotate: the smallest face, as a fraction of the photo's shorter side.", DefaultValueFactory = _ => 0.06 };
var root = new RootCommand("Predicts the emotion of faces: face crops, or every face of photos with --annotate.")
{
    images, model, tta, annotate, minFace,
};
root.SetAction(parsed =>
{
    using var classifier = parsed.GetValue(model) is { } modelPath ? EmotionClassifier.Load(modelPath) : EmotionClassifier.LoadDefault();
    if (parsed.GetValue(tta))
    {
        classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
    }

    var outputFolder = parsed.GetValue(annotate);
    using var detector = outputFolder is null ? null : new BlazeFaceDetector(new BlazeFaceOptions { SmallestFace = parsed.GetValue(minFace) });
    if (outputFolder is not null)
    {
        Directory.CreateDirectory(outputFolder);
    }

    var failures = 0;
    foreach (var path in parsed.GetValue(images)!)
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
});
return root.Parse(args).Invoke();
