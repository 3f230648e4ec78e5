// Uses Fer.Core the way an application does, through its NuGet package: train on a tiny data set,
// evaluate, and predict with the embedded default model. Exits 0 and prints "consumer: ok" on success.
using Fer.Core;
using Fer.Datasets;

var random = new Random(1);
var pixels = new byte[70 * 48 * 48];
random.NextBytes(pixels);
var labels = Enumerable.Range(0, 70).Select(i => i % 7).ToArray();
var faces = LabeledFaces.FromPixels(pixels, labels);

using var trained = EmotionClassifier.Train(faces, new TrainingOptions { Architecture = Architectures.MiniXception, Epochs = 1, BatchSize = 32 });
var report = trained.Evaluate(faces);
Console.WriteLine($"consumer: trained {trained.History!.Epochs.Count} epoch, accuracy on its own data {report.Metrics.Accuracy:P1}");

using var classifier = EmotionClassifier.Default;
var prediction = classifier.PredictPixels(pixels.AsSpan(0, 48 * 48));
Console.WriteLine($"consumer: default model predicts {prediction}");
if (Math.Abs(prediction.Probabilities.Values.Sum() - 1f) > 1e-3f || report.Metrics.Count != 70)
{
    Console.WriteLine("consumer: unexpected results");
    return 1;
}

Console.WriteLine("consumer: ok");
return 0;
