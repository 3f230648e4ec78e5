using Fer.Datasets;
using Fer.Internal;
using NumSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Prediction from every input kind. An image of any size or colour is treated as one face: grayscale, resized.</summary>
public sealed partial class EmotionClassifier
{
    /// <summary>Predicts the emotion of the face in an image file (JPEG, PNG, BMP, WebP, GIF).</summary>
    /// <param name="imagePath">The image file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image.</exception>
    public EmotionPrediction Predict(string imagePath)
    {
        return PredictPixelBatch(DecodeToInput(ReadImageFile(imagePath, nameof(imagePath)), imagePath), 1)[0];
    }

    /// <summary>Predicts the emotion of the face in an encoded image read from a stream.</summary>
    /// <param name="image">A stream holding a JPEG, PNG, BMP, WebP or GIF image.</param>
    /// <exception cref="FerDataException">The stream does not hold a readable image.</exception>
    public EmotionPrediction Predict(Stream image)
    {
        Guard.NotNull(image);
        var encoded = InputFile.ReadStream(image, "image stream", Photo.MaxFileBytes, message => new FerDataException(message) { Input = "the stream" });
        return PredictPixelBatch(DecodeToInput(encoded, "the stream"), 1)[0];
    }

    /// <summary>Predicts the emotion of the face in an encoded image (the bytes of a JPEG, PNG, BMP, WebP or GIF file).</summary>
    /// <param name="encodedImage">The file's bytes.</param>
    /// <exception cref="FerDataException">The bytes are not a readable image.</exception>
    public EmotionPrediction Predict(byte[] encodedImage)
    {
        Guard.NotNull(encodedImage);
        return PredictPixelBatch(DecodeToInput(encodedImage, "the encoded image bytes"), 1)[0];
    }

    /// <summary>Predicts from raw grayscale pixels, 0–255, row-major, of exactly the input size (48x48 for FER2013 models).</summary>
    /// <param name="pixels">Height × width values.</param>
    /// <exception cref="FerDataException">The pixel count does not match the input size.</exception>
    public EmotionPrediction PredictPixels(ReadOnlySpan<byte> pixels)
    {
        CheckPixelCount(pixels.Length, "pixels");
        return PredictPixelBatch(pixels.ToArray(), 1)[0];
    }

    /// <summary>Predicts from raw grayscale pixels in [0, 1], row-major, of exactly the input size.</summary>
    /// <param name="pixels">Height × width values, each in [0, 1].</param>
    /// <exception cref="FerDataException">The pixel count does not match, or a value is outside [0, 1].</exception>
    public EmotionPrediction PredictPixels(ReadOnlySpan<float> pixels)
    {
        CheckPixelCount(pixels.Length, "pixels");
        return PredictPixelBatch(PixelConversion.UnitFloatsToBytes(pixels, "pixels"), 1)[0];
    }

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

        return PredictPixelBatch(pixels, pixels.Length / InputShape.PixelCount);
    }

    /// <summary>Predicts every image file, in order.</summary>
    /// <param name="imagePaths">The image files.</param>
    /// <exception cref="ArgumentException">No path was given.</exception>
    public IReadOnlyList<EmotionPrediction> PredictFiles(IEnumerable<string> imagePaths)
    {
        var paths = Guard.NotNull(imagePaths).ToArray();
        CheckNotEmpty(paths.Length, nameof(imagePaths));
        var pixels = new byte[paths.Length * InputShape.PixelCount];
        for (var i = 0; i < paths.Length; i++)
        {
            DecodeToInput(ReadImageFile(paths[i], nameof(imagePaths)), paths[i]).CopyTo(pixels, i * InputShape.PixelCount);
        }

        return PredictPixelBatch(pixels, paths.Length);
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

        return PredictPixelBatch(faces.PixelSpan.ToArray(), faces.Count);
    }

    /// <summary>Probabilities for N images given as 0–255 bytes in input shape, in chunks, with test-time augmentation.</summary>
    /// <summary>Images per forward pass instead of the activation-sized default: for the benchmark that compares them.</summary>
    internal int? ChunkSizeOverride { get; set; }

    internal IReadOnlyList<EmotionPrediction> PredictPixelBatch(byte[] pixels, int count)
    {
        using var use = _model.Use();
        var results = new List<EmotionPrediction>(count);
        var size = InputShape.PixelCount;
        var mode = TestTimeAugmentation;
        var chunk = ChunkSizeOverride ?? _model.InferenceChunkSize(TestTimeCopies.CopiesPerImage(mode));
        for (var start = 0; start < count; start += chunk)
        {
            var n = Math.Min(chunk, count - start);
            using var scope = NewDisposeScope();
            var images = _model.PixelsToInput(pixels.AsSpan(start * size, n * size), n);
            var probabilities = TestTimeCopies.Average(_model.ForwardProbabilities(TestTimeCopies.Expand(images, mode)), mode).cpu();
            var flat = probabilities.data<float>().ToArray();
            var k = ClassNames.Count;
            for (var i = 0; i < n; i++)
            {
                results.Add(new EmotionPrediction(ClassNames, flat.AsSpan(i * k, k).ToArray()));
            }
        }

        return results;
    }

    private byte[] DecodeToInput(byte[] encoded, string source)
    {
        if (InputShape.Channels != 1)
        {
            throw new FerModelException($"The model takes {InputShape.Channels}-channel input; image files are decoded to grayscale for 1-channel models only.");
        }

        using var photo = Photo.Decode(encoded, source, minShortSide: Math.Max(InputShape.Height, InputShape.Width) * 2);
        return photo.ToGrayPixels(InputShape.Width, InputShape.Height);
    }

    private void CheckPixelCount(int count, string name)
    {
        if (count != InputShape.PixelCount)
        {
            throw new FerDataException(
                $"{name} has {count} values, but the model takes one {InputShape.Height}x{InputShape.Width} grayscale image = {InputShape.PixelCount} values. " +
                "Pass an encoded image (Predict) to have it resized.")
            { Input = name };
        }
    }

    private static byte[] ReadImageFile(string path, string parameterName)
        => InputFile.ReadAllBytes(path, "image", Photo.MaxFileBytes, message => new FerDataException(message) { Input = path }, parameterName);

    private static void CheckNotEmpty(int count, string name)
    {
        if (count == 0)
        {
            throw new ArgumentException($"{name} is empty: there is nothing to predict.", name);
        }
    }
}
