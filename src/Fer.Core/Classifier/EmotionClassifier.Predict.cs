using Fer.Datasets;
using Fer.Internal;
using NumSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Prediction from every input kind. An image of any size or colour is treated as one face: grayscale, resized.</summary>
public sealed partial class EmotionClassifier
{
    /// <inheritdoc/>
    public EmotionPrediction Predict(string imagePath) => _inputs.File(imagePath);

    /// <inheritdoc/>
    public EmotionPrediction Predict(Stream image) => _inputs.Stream(image);

    /// <inheritdoc/>
    public EmotionPrediction Predict(byte[] encodedImage) => _inputs.Bytes(encodedImage);

    /// <inheritdoc/>
    public EmotionPrediction Predict(Photo photo) => _inputs.Photo(photo);

    /// <inheritdoc/>
    public EmotionPrediction PredictPixels(ReadOnlySpan<byte> pixels) => _inputs.Pixels(pixels);

    /// <inheritdoc/>
    public EmotionPrediction PredictPixels(ReadOnlySpan<float> pixels) => _inputs.Pixels(pixels);

    /// <inheritdoc/>
    public IReadOnlyList<EmotionPrediction> PredictPixelBatch(ReadOnlySpan<byte> pixels) => _inputs.PixelBatch(pixels);

    /// <inheritdoc/>
    public IReadOnlyList<EmotionPrediction> PredictFiles(IEnumerable<string> imagePaths) => _inputs.Files(imagePaths);

    /// <summary>Predicts from a NumSharp array holding one image: (H, W), (1, H, W) or (1, 1, H, W); bytes 0–255 or floats in [0, 1].</summary>
    /// <param name="image">The image.</param>
    /// <exception cref="FerDataException">The array's shape or values do not fit the input size.</exception>
    public EmotionPrediction Predict(NDArray image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var batch = PredictBatch(image.ndim == 2 ? image.reshape(1, image.shape[0], image.shape[1]) : image);
        return batch.Count == 1 ? batch[0] : throw new FerDataException($"The array holds {batch.Count} images; use PredictBatch for several.") { Input = "NDArray" };
    }

    /// <summary>Predicts every image of a NumSharp array: (N, H, W) or (N, 1, H, W); bytes 0–255 or floats in [0, 1].</summary>
    /// <param name="images">The images.</param>
    public IReadOnlyList<EmotionPrediction> PredictBatch(NDArray images)
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

    /// <summary>Probabilities for N images given as 0–255 bytes in input shape, in chunks, with test-time augmentation.</summary>
    internal IReadOnlyList<EmotionPrediction> ClassifyPixels(byte[] pixels, int count)
    {
        using var use = _model.Use();
        var results = new List<EmotionPrediction>(count);
        var size = InputShape.PixelCount;
        var defaults = _model.PredictionDefaults;   // one read: a concurrent change applies to later calls as a whole
        var mode = defaults.TestTimeAugmentation;
        var chunk = ChunkSizeOverride ?? _model.InferenceChunkSize(TestTimeCopies.CopiesPerImage(mode));
        for (var start = 0; start < count; start += chunk)
        {
            var n = Math.Min(chunk, count - start);
            using var scope = NewDisposeScope();
            var images = _model.PixelsToInput(pixels.AsSpan(start * size, n * size), n);
            var probabilities = TestTimeCopies.Average(_model.ForwardProbabilities(TestTimeCopies.Expand(images, mode)), mode);
            foreach (var row in _model.ProbabilityRows(probabilities))
            {
                TemperatureScaling.Apply(row, defaults.Temperature);
                results.Add(new EmotionPrediction(ClassNames, row));
            }
        }

        return results;
    }
}
