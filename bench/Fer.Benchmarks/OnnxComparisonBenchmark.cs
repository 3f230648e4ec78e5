using Fer.Core;
using Fer.Datasets;
using Fer.Onnx;
using static TorchSharp.torch;

namespace Fer.Benchmarks;

/// <summary>
/// The default model in ONNX Runtime (Fer.Onnx) against TorchSharp (Fer.Core), in the same run on the same faces: one
/// face at a time and batches of 64, on 1 and 2 threads, plain and with ten-crop test-time augmentation.
/// </summary>
internal static class OnnxComparisonBenchmark
{
    public static IEnumerable<(string What, string Value, string Target)> Run(LabeledFaces faces)
    {
        var pixels = new byte[64 * faces.Shape.PixelCount];
        for (var i = 0; i < 64; i++)
        {
            faces.GetPixels(i).CopyTo(pixels.AsSpan(i * faces.Shape.PixelCount));
        }

        var face = pixels.AsSpan(0, faces.Shape.PixelCount).ToArray();
        using var torch = EmotionClassifier.LoadDefault();
        foreach (var threads in new[] { 1, 2 })
        {
            set_num_threads(threads);
            using var onnx = OnnxEmotionClassifier.Load(DefaultOnnxModel(), "default", new OnnxClassifierOptions { Threads = threads });
            foreach (var mode in new[] { TestTimeAugmentation.None, TestTimeAugmentation.TenCrop })
            {
                torch.TestTimeAugmentation = onnx.TestTimeAugmentation = mode;
                var calls = mode == TestTimeAugmentation.None ? 500 : 100;
                var torchFace = Measure.MedianSeconds(5, () => Repeat(calls, () => torch.PredictPixels(face))) / calls;
                var onnxFace = Measure.MedianSeconds(5, () => Repeat(calls, () => onnx.PredictPixels(face))) / calls;
                var torchBatch = Measure.MedianSeconds(5, () => torch.PredictPixelBatch(pixels));
                var onnxBatch = Measure.MedianSeconds(5, () => onnx.PredictPixelBatch(pixels));
                var tta = mode == TestTimeAugmentation.None ? "" : ", ten-crop TTA";
                yield return ($"Inference, one face, {threads} thread(s){tta}: ONNX Runtime vs TorchSharp",
                    $"{onnxFace * 1000:0.00} vs {torchFace * 1000:0.00} ms = {torchFace / onnxFace:0.00}×", threads == 1 && mode == TestTimeAugmentation.None ? "ONNX no slower (≥ 1.00×)" : "-");
                yield return ($"Inference, batch of 64, {threads} thread(s){tta}: ONNX Runtime vs TorchSharp",
                    $"{64 / onnxBatch:N0} vs {64 / torchBatch:N0} faces/s = {torchBatch / onnxBatch:0.00}×", "-");
            }
        }

        torch.TestTimeAugmentation = TestTimeAugmentation.None;
    }

    private static void Repeat(int count, Action action)
    {
        for (var i = 0; i < count; i++)
        {
            action();
        }
    }

    private static byte[] DefaultOnnxModel()
    {
        using var resource = typeof(OnnxEmotionClassifier).Assembly.GetManifestResourceStream("Fer.Onnx.Models.default.onnx")!;
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    }
}
