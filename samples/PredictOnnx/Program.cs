// Finds every face in each photo and predicts its emotion with ONNX Runtime only: no TorchSharp, no LibTorch, nothing
// to install on Debian 12, Ubuntu 22.04 or the official .NET runtime container images.
//   dotnet run -c Release --project samples/PredictOnnx -- photo1.jpg photo2.png …
// In a container: see the Dockerfile beside this file.
using Fer;
using Fer.Detection;
using Fer.Onnx;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: PredictOnnx <photo> [<photo> …]");
    return 2;
}

using var classifier = OnnxEmotionClassifier.LoadDefault();
using var detector = new BlazeFaceDetector();
var failures = 0;
foreach (var path in args)
{
    try
    {
        var faces = classifier.PredictFaces(path, detector);
        Console.WriteLine($"{Path.GetFileName(path)}: {faces.Count} {(faces.Count == 1 ? "face" : "faces")}");
        foreach (var face in faces)
        {
            Console.WriteLine($"  {face}");
        }
    }
    catch (Exception e) when (e is FerException or IOException or UnauthorizedAccessException)
    {
        failures++;
        Console.Error.WriteLine($"{Path.GetFileName(path)}: {e.Message}");
    }
}

return failures == 0 ? 0 : 1;
