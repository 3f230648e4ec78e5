using Fer.Core;
using Fer.Datasets;
using Fer.Onnx;
using static TorchSharp.torch;

namespace Fer.Benchmarks;

/// <summary>
/// Inference of the same networks as bench/pytorch/fer_bench.py, on Fer.Core's two engines: TorchSharp
/// (<see cref="EmotionClassifier"/> over the network, random weights of seed 1, as users predict) and ONNX Runtime
/// (<see cref="OnnxEmotionClassifier"/> over its ONNX export); one face (the median of 3 rounds of 300 calls) and a
/// batch of 64 (the median of 5), on 1 and 2 threads, without test-time augmentation. Also the shipped default and
/// accurate ONNX files through Fer.Onnx, measured as fer_ort_bench.py measures them in Python's ONNX Runtime.
/// </summary>
internal static class LikeForLikeInference
{
    /// <summary>The networks measured on every side.</summary>
    public static readonly string[] Networks = ["MiniXception", "TinyVgg", "CompactVgg"];

    /// <summary>The shipped models measured through both ONNX Runtime hosts.</summary>
    public static readonly string[] ShippedModels = ["default", "accurate"];

    /// <summary>
    /// Figures keyed "engine/network/threads/measure" (engine: torchsharp or onnx; measure: oneFaceMs or
    /// batch64FacesPerSecond), and the ONNX files of the shipped models written to <paramref name="folder"/>.
    /// </summary>
    public static (Dictionary<string, double> Figures, Dictionary<string, string> ShippedOnnxFiles) Measure(LabeledFaces faces, string folder)
    {
        var size = faces.Shape.PixelCount;
        var batch = new byte[64 * size];
        for (var i = 0; i < 64; i++)
        {
            faces.GetPixels(i).CopyTo(batch.AsSpan(i * size));
        }

        var face = batch.AsSpan(0, size).ToArray();
        var figures = new Dictionary<string, double>();
        foreach (var network in Networks)
        {
            var architecture = Architectures.All.Single(a => a.Name == network);
            var model = architecture.Build(seed: 1);
            model.Normalization = Normalization.Fer2013;
            model.ClassNames = ClassNames.Fer2013;
            using var classifier = EmotionClassifier.FromModel(model);
            var onnxPath = Path.Combine(folder, $"{network}.onnx");
            classifier.ExportOnnx(onnxPath);
            foreach (var threads in new[] { 1, 2 })
            {
                set_num_threads(threads);
                Record(figures, "torchsharp", network, threads, classifier, face, batch);
                using var onnx = OnnxEmotionClassifier.Load(onnxPath, new OnnxClassifierOptions { Threads = threads });
                Record(figures, "onnx", network, threads, onnx, face, batch);
            }
        }

        var shipped = new Dictionary<string, string>();
        foreach (var name in ShippedModels)
        {
            using var classifier = name == "default" ? EmotionClassifier.LoadDefault() : EmotionClassifier.LoadAccurate();
            var path = Path.Combine(folder, $"{name}.onnx");
            classifier.ExportOnnx(path);
            shipped[name] = path;
            foreach (var threads in new[] { 1, 2 })
            {
                using var onnx = OnnxEmotionClassifier.Load(path, new OnnxClassifierOptions { Threads = threads });
                onnx.TestTimeAugmentation = TestTimeAugmentation.None;   // the same graph on the same inputs as the Python host
                Record(figures, "onnx", name, threads, onnx, face, batch);
            }
        }

        return (figures, shipped);
    }

    private static void Record(Dictionary<string, double> figures, string engine, string network, int threads, IEmotionPredictor predictor, byte[] face, byte[] batch)
    {
        const int calls = 300;
        var single = Benchmarks.Measure.MedianSeconds(3, () =>
        {
            for (var i = 0; i < calls; i++)
            {
                predictor.PredictPixels(face);
            }
        }) / calls;
        var many = Benchmarks.Measure.MedianSeconds(5, () => predictor.PredictPixelBatch(batch));
        figures[$"{engine}/{network}/{threads}/oneFaceMs"] = single * 1000;
        figures[$"{engine}/{network}/{threads}/batch64FacesPerSecond"] = 64 / many;
    }
}
