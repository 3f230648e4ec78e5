using Fer.Datasets;
using Fer.Internal;
using NumSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Prediction: the engine's batch of pixels (<see cref="IEmotionPredictor"/>; files, photos and faces go through
/// <see cref="EmotionPredictorExtensions"/>), NumSharp arrays and labelled sets.
/// </summary>
public sealed partial class EmotionClassifier
{
    /// <inheritdoc/>
    public IReadOnlyList<EmotionPrediction> PredictPixelBatch(ReadOnlySpan<byte> pixels)
        => ClassifyPixels(pixels.ToArray(), ModelInputChecks.ImagesInBatch(pixels.Length, InputShape, nameof(pixels)));

    /// <summary>Predicts from a NumSharp array holding one image: (H, W), (1, H, W) or (1, 1, H, W); bytes 0–255 or floats in [0, 1].</summary>
    /// <param name="image">The image.</param>
    /// <exception cref="FerDataException">The array's shape or values do not fit the input size.</exception>
    public EmotionPrediction PredictNDArray(NDArray image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var batch = PredictNDArrayBatch(image.ndim == 2 ? image.reshape(1, image.shape[0], image.shape[1]) : image);
        return batch.Count == 1 ? batch[0] : throw new FerDataException($"The array holds {batch.Count} images; use PredictNDArrayBatch for several.") { Input = "NDArray" };
    }

    /// <summary>Predicts every image of a NumSharp array: (N, H, W) or (N, 1, H, W); bytes 0–255 or floats in [0, 1].</summary>
    /// <param name="images">The images.</param>
    public IReadOnlyList<EmotionPrediction> PredictNDArrayBatch(NDArray images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var (pixels, shape) = PixelConversion.FromNDArray(images, null, "NDArray");
        if (shape != InputShape)
        {
            throw new FerDataException($"The NDArray holds images of shape {shape}, but the model takes {InputShape}; resize them first.") { Input = "NDArray" };
        }

        return ClassifyPixels(pixels, pixels.Length / InputShape.PixelCount);
    }

    /// <summary>Predicts every image of a labelled or unlabelled set, in order.</summary>
    /// <param name="faces">The images; their shape must be the input size.</param>
    public IReadOnlyList<EmotionPrediction> PredictBatch(LabeledFaces faces)
    {
        Guard.NotNull(faces);
        if (faces.Shape != InputShape)
        {
            throw new FerDataException($"{faces.Source} holds images of shape {faces.Shape}, but the model takes {InputShape}.") { Input = faces.Source };
        }

        var imageSize = InputShape.PixelCount;
        var pixels = new byte[(long)faces.Count * imageSize];
        for (var i = 0; i < faces.Count; i++)
        {
            faces.GetPixels(i).CopyTo(pixels.AsSpan(i * imageSize, imageSize));
        }

        return ClassifyPixels(pixels, faces.Count);
    }

    /// <summary>Images per forward pass instead of the activation-sized default: for the benchmark that compares them.</summary>
    internal int? ChunkSizeOverride { get; set; }

    /// <summary>
    /// Probabilities for N images given as 0–255 bytes in input shape, in chunks, averaged over the test-time copies
    /// (made by the geometry both engines share, <see cref="PixelCopies"/>).
    /// </summary>
    internal IReadOnlyList<EmotionPrediction> ClassifyPixels(byte[] pixels, int count)
    {
        using var use = _model.Use();
        var results = new List<EmotionPrediction>(count);
        var size = InputShape.PixelCount;
        var defaults = _model.PredictionDefaults;   // one read: a concurrent change applies to later calls as a whole
        var mode = defaults.TestTimeAugmentation;
        var copies = PixelCopies.PerImage(mode);
        var chunk = ChunkSizeOverride ?? _model.InferenceChunkSize(copies);
        var values = new float[Math.Min(chunk, count) * copies * size];
        for (var start = 0; start < count; start += chunk)
        {
            var n = Math.Min(chunk, count - start);
            for (var i = 0; i < n; i++)
            {
                PixelCopies.Write(pixels.AsSpan((start + i) * size, size), InputShape, mode, values.AsSpan(i * copies * size, copies * size));
            }

            using var scope = NewDisposeScope();
            var flat = _model.ProbabilityValues(_model.ForwardProbabilities(_model.PixelValuesToInput(values.AsSpan(0, n * copies * size), n * copies)), out _);
            foreach (var row in PixelCopies.Average(flat, n, copies, ClassNames.Count))
            {
                TemperatureScaling.Apply(row, defaults.Temperature);
                results.Add(new EmotionPrediction(ClassNames, row));
            }
        }

        return results;
    }
}
