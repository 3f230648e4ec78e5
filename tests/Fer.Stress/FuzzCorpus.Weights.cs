using Fer.Core;
using Fer.Datasets;
using Fer.Onnx;
using NumSharp;

namespace Fer.Stress;

/// <summary>
/// Models whose weights were scaled towards float's limit in one layer, some at ±float.MaxValue (a forged file with a valid checksum): each
/// loads or is refused, and every prediction on random images is finite or refused; a NaN answer is a failure.
/// </summary>
internal sealed partial class FuzzCorpus
{
    private FuzzCase WeightsCase(int i)
    {
        using var model = SmallNet();
        model.ClassNames = ["a", "b", "c"];
        var weights = model.GetWeights().Where(kv => kv.Key.EndsWith(".weight", StringComparison.Ordinal) || kv.Key.EndsWith(".bias", StringComparison.Ordinal)).ToList();
        var (name, values) = weights[_random.Next(weights.Count)];
        var share = _random.NextDouble();
        var scale = (float)Math.Pow(10, 20 + _random.Next(19));
        var scaled = values.ToArray<float>()
            .Select(v => _random.NextDouble() < share ? (_random.Next(2) == 0 ? float.MaxValue : -float.MaxValue) : v * scale)
            .Select(v => float.IsFinite(v) ? v : float.MaxValue)
            .ToArray();
        model.SetWeights(new Dictionary<string, NDArray> { [name] = np.array(scaled).reshape(values.shape) });
        var path = Path.Combine(work, $"weights{i}.fer");
        model.Save(path);
        var onnx = Path.Combine(work, $"weights{i}.onnx");
        model.ExportOnnx(onnx);
        var images = Enumerable.Range(0, 8).Select(_ => { var b = new byte[256]; _random.NextBytes(b); return b; }).ToArray();
        return new FuzzCase($"{name} scaled by {scale:0e0}, {share:P0} at ±float.MaxValue", () =>
        {
            using (var loaded = Sequential.Load(path))
            {
                foreach (var image in images)
                {
                    RequireFinite(loaded.Predict(image), "Sequential.Predict");
                }
            }

            using var classifier = OnnxEmotionClassifier.Load(onnx);
            foreach (var image in images)
            {
                using var photo = Photo.FromPixels(image, 16, 16, PhotoPixelFormat.Gray8);
                RequireFinite([.. classifier.Predict(photo).Probabilities.Values], "OnnxEmotionClassifier.Predict");
            }
        });
    }

    private static void RequireFinite(float[] probabilities, string call)
    {
        if (!probabilities.All(float.IsFinite))
        {
            throw new InvalidDataException($"{call} returned a non-finite probability: [{string.Join(", ", probabilities)}]");
        }
    }
}
