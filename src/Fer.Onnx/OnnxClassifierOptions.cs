using Microsoft.ML.OnnxRuntime;

namespace Fer.Onnx;

/// <summary>How an <see cref="OnnxEmotionClassifier"/> runs its model.</summary>
public sealed class OnnxClassifierOptions
{
    /// <summary>Threads of one forward pass; 0 lets ONNX Runtime choose (one per physical core). 1 is fastest per face when many requests run at once.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Further settings of the ONNX Runtime session, applied after <see cref="Threads"/>: e.g. an execution provider
    /// (<c>options.AppendExecutionProvider_CUDA()</c> with the Microsoft.ML.OnnxRuntime.Gpu package).
    /// </summary>
    public Action<SessionOptions>? ConfigureSession { get; init; }
}
