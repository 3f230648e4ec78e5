using BenchmarkDotNet.Attributes;
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Onnx;

namespace Fer.Benchmarks;

/// <summary>
/// Latency of one face (48x48 grayscale pixels to probabilities) with every embedded model (<see cref="EmbeddedModel"/>), one
/// thread, through BenchmarkDotNet (in-process toolchain; warm-up, pilot and outlier handling are its own): TorchSharp's
/// <see cref="EmotionClassifier"/> and ONNX Runtime's <see cref="OnnxEmotionClassifier"/>, plain and with ten-crop
/// test-time augmentation (the accurate models' own default). Run with <c>--latency</c>.
/// </summary>
[MemoryDiagnoser]
public class FaceLatencyBenchmarks
{
    private readonly byte[] _face = new byte[48 * 48];
    private EmotionClassifier _torch = null!;
    private OnnxEmotionClassifier _onnx = null!;

    /// <summary>The embedded model.</summary>
    [ParamsSource(nameof(Models))]
    public EmbeddedModel Model { get; set; }

    /// <summary>
    /// The embedded models to measure: all of them, or those named in FER_LATENCY_MODELS (comma-separated names such as
    /// <c>FER_LATENCY_MODELS=ferplus,ferplus-accurate</c>).
    /// </summary>
    public static IEnumerable<EmbeddedModel> Models()
        => Environment.GetEnvironmentVariable("FER_LATENCY_MODELS") is { Length: > 0 } names
            ? names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(EmbeddedModelNames.Parse)
            : Enum.GetValues<EmbeddedModel>();

    /// <summary>Whether ten crops of the face are averaged.</summary>
    [Params(TestTimeAugmentation.None, TestTimeAugmentation.TenCrop)]
    public TestTimeAugmentation Augmentation { get; set; }

    /// <summary>Loads both classifiers on one thread and makes a face (a smooth ramp, as a face's gradients are).</summary>
    [GlobalSetup]
    public void Setup()
    {
        global::TorchSharp.torch.set_num_threads(1);
        for (var i = 0; i < _face.Length; i++)
        {
            _face[i] = (byte)((i % 48) * 3 + (i / 48) * 2);
        }

        var (model, onnx) = Saved(Model);
        _torch = EmotionClassifier.Load(model);
        _torch.TestTimeAugmentation = Augmentation;
        _onnx = OnnxEmotionClassifier.Load(onnx, new OnnxClassifierOptions { Threads = 1 });
        _onnx.TestTimeAugmentation = Augmentation;
    }

    /// <summary>Frees both classifiers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _torch.Dispose();
        _onnx.Dispose();
    }

    /// <summary>One face through TorchSharp (LibTorch, oneDNN).</summary>
    [Benchmark(Baseline = true)]
    public EmotionPrediction TorchSharp() => _torch.PredictPixels(_face);

    /// <summary>One face through ONNX Runtime.</summary>
    [Benchmark]
    public EmotionPrediction OnnxRuntime() => _onnx.PredictPixels(_face);

    /// <summary>The embedded model saved to a temporary .fer file (loaded as users load theirs) and exported beside it.</summary>
    private static (string Model, string Onnx) Saved(EmbeddedModel model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fer-bench-{model}-{Environment.ProcessId}");
        using var classifier = EmotionClassifier.LoadEmbedded(model);
        classifier.Save(path + ".fer");
        classifier.ExportOnnx(path + ".onnx");
        return (path + ".fer", path + ".onnx");
    }
}
