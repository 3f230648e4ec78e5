// Uses Fer.Onnx the way a prediction-only application does, through its NuGet package and without LibTorch:
// predict one face with the embedded default, accurate and FER+ models, then find and classify the faces of a photo (the first argument)
// with Fer.Detection. Exits 0 and prints "consumer-onnx: ok" on success.
using Fer;
using Fer.Detection;
using Fer.Onnx;

using IEmotionPredictor classifier = OnnxEmotionClassifier.LoadDefault();
var pixels = new byte[48 * 48];
new Random(1).NextBytes(pixels);
var prediction = classifier.PredictPixels(pixels);
Console.WriteLine($"consumer-onnx: default model predicts {prediction}");
using IEmotionPredictor accurate = OnnxEmotionClassifier.LoadAccurate();
var accuratePrediction = accurate.PredictPixels(pixels);
Console.WriteLine($"consumer-onnx: accurate model predicts {accuratePrediction}");
using IEmotionPredictor ferPlus = OnnxEmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
var ferPlusPrediction = ferPlus.PredictPixels(pixels);
Console.WriteLine($"consumer-onnx: FER+ model predicts {ferPlusPrediction}");
using var detector = new BlazeFaceDetector();
var faces = classifier.PredictFaces(args[0], detector);
Console.WriteLine($"consumer-onnx: {faces.Count} faces in {Path.GetFileName(args[0])}: {string.Join(", ", faces.Select(f => f.Emotion.Label))}");
if (Math.Abs(prediction.Probabilities.Values.Sum() - 1f) > 1e-3f || Math.Abs(accuratePrediction.Probabilities.Values.Sum() - 1f) > 1e-3f || ferPlusPrediction.Probabilities.Count != 8 || faces.Count != 3 || AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name!.Contains("Torch", StringComparison.Ordinal)))
{
    Console.WriteLine("consumer-onnx: unexpected results");
    return 1;
}

Console.WriteLine("consumer-onnx: ok");
return 0;
