// Uses Fer.Core the way an application does, through its NuGet package: train on a tiny data set,
// evaluate, predict with the embedded default, accurate and FER+ models, and find the faces of a photo (the first argument) with
// Fer.Detection. Exits 0 and prints "consumer: ok" on success.
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;

var random = new Random(1);
var pixels = new byte[70 * 48 * 48];
random.NextBytes(pixels);
var labels = Enumerable.Range(0, 70).Select(i => i % 7).ToArray();
var faces = LabeledFaces.FromPixels(pixels, labels);

using var trained = EmotionClassifier.Train(faces, new TrainingOptions { Architecture = Architectures.MiniXception, Epochs = 1, BatchSize = 32 });
var report = trained.Evaluate(faces);
Console.WriteLine($"consumer: trained {trained.History!.Epochs.Count} epoch, accuracy on its own data {report.Metrics.Accuracy:P1}");

using var classifier = EmotionClassifier.LoadDefault();
var prediction = classifier.PredictPixels(pixels.AsSpan(0, 48 * 48));
Console.WriteLine($"consumer: default model predicts {prediction}");
using var accurate = EmotionClassifier.LoadAccurate();
var accuratePrediction = accurate.PredictPixels(pixels.AsSpan(0, 48 * 48));
Console.WriteLine($"consumer: accurate model predicts {accuratePrediction}");
using var ferPlus = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
var ferPlusPrediction = ferPlus.PredictPixels(pixels.AsSpan(0, 48 * 48));
Console.WriteLine($"consumer: FER+ model predicts {ferPlusPrediction}");
using var detector = new BlazeFaceDetector();
var photoFaces = classifier.PredictFaces(args[0], detector);
Console.WriteLine($"consumer: {photoFaces.Count} faces in {Path.GetFileName(args[0])}: {string.Join(", ", photoFaces.Select(f => f.Emotion.Label))}");
if (Math.Abs(prediction.Probabilities.Values.Sum() - 1f) > 1e-3f || Math.Abs(accuratePrediction.Probabilities.Values.Sum() - 1f) > 1e-3f || ferPlusPrediction.Probabilities.Count != 8 || report.Metrics.Count != 70 || photoFaces.Count != 3)
{
    Console.WriteLine("consumer: unexpected results");
    return 1;
}

Console.WriteLine("consumer: ok");
return 0;
