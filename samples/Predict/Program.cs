// Predicts the emotion of the face in each image (any size or colour; the whole image is treated as one face).
//
//   dotnet run -c Release --project samples/Predict -- [--model model.fer] [--tta] image1.jpg image2.png …
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Samples;

var arguments = new SampleArguments(args);
if (arguments.Positional.Count == 0 || arguments.Has("help"))
{
    Console.WriteLine("usage: Predict [--model model.fer] [--tta] <image> [<image> …]");
    return arguments.Has("help") ? 0 : 2;
}

using var classifier = arguments.Get("model") is { } modelPath ? EmotionClassifier.Load(modelPath) : EmotionClassifier.Default;
if (arguments.Has("tta"))
{
    classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
}

var failures = 0;
foreach (var path in arguments.Positional)
{
    try
    {
        var prediction = classifier.Predict(path);
        var others = string.Join("  ", prediction.Probabilities.OrderByDescending(p => p.Value).Skip(1).Take(2).Select(p => $"{p.Key} {p.Value:P0}"));
        Console.WriteLine($"{path}: {prediction}   ({others})");
    }
    catch (Exception e) when (e is FerException or IOException)
    {
        failures++;
        Console.Error.WriteLine($"{path}: {e.Message}");
    }
}

return failures == 0 ? 0 : 1;
