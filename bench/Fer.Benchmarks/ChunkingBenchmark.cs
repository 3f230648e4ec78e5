using Fer.Core;
using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Benchmarks;

/// <summary>
/// Evaluation speed with chunks of 256 images per forward pass (before 2026-12-02) against chunks sized from the
/// model's largest activation (now), plain and with ten-crop test-time augmentation, in the same run.
/// </summary>
internal static class ChunkingBenchmark
{
    public static IEnumerable<(string What, string Value, string Target)> Run(EmotionClassifier classifier, LabeledFaces faces)
    {
        set_num_threads(2);
        foreach (var mode in new[] { TestTimeAugmentation.None, TestTimeAugmentation.TenCrop })
        {
            classifier.TestTimeAugmentation = mode;
            classifier.ChunkSizeOverride = 256;
            var before = Measure.MedianSeconds(3, () => classifier.PredictBatch(faces)) / faces.Count;
            classifier.ChunkSizeOverride = null;
            var now = Measure.MedianSeconds(3, () => classifier.PredictBatch(faces)) / faces.Count;
            yield return ($"Evaluation, {mode} TTA, {faces.Count:N0} faces, 2 threads: chunks of 256 vs activation-sized chunks",
                $"{before * 1000:0.00} vs {now * 1000:0.00} ms per face = {before / now:0.0}× faster", mode == TestTimeAugmentation.TenCrop ? "≥ 5×" : "-");
        }

        classifier.TestTimeAugmentation = TestTimeAugmentation.None;
    }
}
