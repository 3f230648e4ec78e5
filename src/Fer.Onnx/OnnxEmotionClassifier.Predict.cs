using System.Buffers;
using Fer.Internal;
using Microsoft.ML.OnnxRuntime;

namespace Fer.Onnx;

/// <summary>
/// Prediction: the engine's batch of pixels (<see cref="IEmotionPredictor"/>); files, photos and faces go through
/// <see cref="EmotionPredictorExtensions"/>, as for Fer.Core's classifier.
/// </summary>
public sealed partial class OnnxEmotionClassifier
{
    private static readonly string[] InputNames = [OnnxMetadataKeys.InputName];
    private static readonly string[] OutputNames = [OnnxMetadataKeys.OutputName];

    /// <inheritdoc/>
    public IReadOnlyList<EmotionPrediction> PredictPixelBatch(ReadOnlySpan<byte> pixels)
        => ClassifyPixels(pixels.ToArray(), ModelInputChecks.ImagesInBatch(pixels.Length, InputShape, nameof(pixels)));

    /// <summary>Predictions for N images given as 0–255 bytes in input shape, in chunks, averaged over the test-time copies.</summary>
    internal IReadOnlyList<EmotionPrediction> ClassifyPixels(byte[] pixels, int count)
    {
        var defaults = _defaults;   // one read: a concurrent change applies to later calls as a whole
        var results = new List<EmotionPrediction>(count);
        foreach (var probabilities in Probabilities(pixels, count, defaults.TestTimeAugmentation))
        {
            TemperatureScaling.Apply(probabilities, defaults.Temperature);
            results.Add(new EmotionPrediction(ClassNames, probabilities));
        }

        return results;
    }

    /// <summary>Each image's class probabilities, averaged over its test-time copies.</summary>
    private List<float[]> Probabilities(byte[] pixels, int count, TestTimeAugmentation mode)
    {
        using var use = _gate.Enter();
        var copies = PixelCopies.PerImage(mode);
        var size = InputShape.PixelCount;
        var classes = ClassNames.Count;
        var chunk = Math.Max(1, InputsPerRun / copies);
        var results = new List<float[]>(count);
        var buffer = ArrayPool<float>.Shared.Rent(Math.Min(chunk, count) * copies * size);
        try
        {
            using var runOptions = new RunOptions();
            for (var start = 0; start < count; start += chunk)
            {
                var n = Math.Min(chunk, count - start);
                var length = n * copies * size;
                for (var i = 0; i < n; i++)
                {
                    PixelCopies.Write(pixels.AsSpan((start + i) * size, size), InputShape, mode, buffer.AsSpan(i * copies * size, copies * size));
                }

                using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, length), [n * copies, InputShape.Channels, InputShape.Height, InputShape.Width]);
                using var outputs = _session.Run(runOptions, InputNames, [input], OutputNames);
                var output = outputs[0].GetTensorDataAsSpan<float>();
                FiniteProbabilities.Require(output[..(n * copies * classes)], classes, _source);
                results.AddRange(PixelCopies.Average(output, n, copies, classes));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        return results;
    }

    /// <summary>
    /// Runs a probe batch (black, mid-gray and white images, and a ramp) and refuses the model when any probability is
    /// NaN or infinite, as Fer.Core does for its model files.
    /// </summary>
    private void CheckFiniteOutputs(string source)
    {
        List<float[]> probabilities;
        try
        {
            probabilities = Probabilities(ProbeImages.For(InputShape), ProbeImages.Count, TestTimeAugmentation.None);
        }
        catch (OnnxRuntimeException e)
        {
            throw OnnxModelSignature.Invalid(source, "ONNX Runtime cannot run it on a plain image: a node fails on the input shape the model declares (the inner exception has ONNX Runtime's own report)", e);
        }
        catch (FerModelException)
        {
            probabilities = [[float.NaN]];
        }

        if (probabilities.Any(p => p.Any(v => !float.IsFinite(v) || v < 0 || v > 1.0001f)))
        {
            throw OnnxModelSignature.Invalid(source, "it gives NaN, infinite or out-of-range probabilities for plain images (black, gray, white, a ramp); its weights are broken");
        }
    }
}
