using Fer.Internal;

namespace Fer;

/// <summary>
/// Every way to ask an <see cref="IEmotionPredictor"/> for predictions (image files, streams, bytes, photos, single
/// images of raw pixels, the faces of a photo with a detector or with boxes), written once for every engine: each
/// decodes, converts to grayscale, resizes or crops here, and ends in the engine's one entry,
/// <see cref="IEmotionPredictor.PredictPixelBatch(ReadOnlySpan{byte})"/>. So Fer.Core's and Fer.Onnx's classifiers,
/// and any other implementation, see the same pixels for the same input.
/// </summary>
/// <example>
/// <code>
/// using Fer;                                                             // these methods' namespace
/// using IEmotionPredictor classifier = OnnxEmotionClassifier.LoadDefault();   // or EmotionClassifier.LoadDefault()
/// Console.WriteLine(classifier.Predict("face.jpg"));                    // e.g. "happy 93.2%"
/// </code>
/// </example>
public static class EmotionPredictorExtensions
{
    /// <summary>
    /// The most faces classified in one photo: a crowd photo has hundreds at most, a detector that returns thousands is
    /// broken or hostile, and each face costs a crop and a network pass.
    /// </summary>
    public const int MaxFacesPerPhoto = 1000;

    /// <summary>Predicts the emotion of the face in an image file (JPEG, PNG, BMP, WebP, GIF); the whole image is the face.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image.</exception>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction Predict(this IEmotionPredictor predictor, string imagePath)
    {
        Guard.NotNull(predictor);
        return Single(predictor, DecodeToInput(predictor, ReadImageFile(imagePath, nameof(imagePath)), imagePath));
    }

    /// <summary>Predicts the emotion of the face in an encoded image read from a stream.</summary>
    /// <param name="image">A stream holding a JPEG, PNG, BMP, WebP or GIF image.</param>
    /// <exception cref="FerDataException">The stream does not hold a readable image.</exception>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction Predict(this IEmotionPredictor predictor, Stream image)
    {
        Guard.NotNull(predictor);
        Guard.NotNull(image);
        var encoded = InputFile.ReadStream(image, "image stream", Photo.MaxFileBytes, message => new FerDataException(message) { Input = "the stream" });
        return Single(predictor, DecodeToInput(predictor, encoded, "the stream"));
    }

    /// <summary>Predicts the emotion of the face in an encoded image (the bytes of a JPEG, PNG, BMP, WebP or GIF file).</summary>
    /// <param name="encodedImage">The file's bytes.</param>
    /// <exception cref="FerDataException">The bytes are not a readable image.</exception>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction Predict(this IEmotionPredictor predictor, byte[] encodedImage)
    {
        Guard.NotNull(predictor);
        Guard.NotNull(encodedImage);
        return Single(predictor, DecodeToInput(predictor, encodedImage, "the encoded image bytes"));
    }

    /// <summary>Predicts the emotion of a decoded photo taken as one face (converted to grayscale and resized).</summary>
    /// <param name="photo">The photo.</param>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction Predict(this IEmotionPredictor predictor, Photo photo)
    {
        Guard.NotNull(predictor);
        Guard.NotNull(photo);
        CheckGrayscaleModel(predictor);
        return Single(predictor, photo.ToGrayPixels(predictor.InputShape.Width, predictor.InputShape.Height));
    }

    /// <summary>Predicts from raw grayscale pixels, 0–255, row-major, of exactly the input size (48x48 for FER2013 models).</summary>
    /// <param name="pixels">Height × width values.</param>
    /// <exception cref="FerDataException">The pixel count does not match the input size.</exception>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction PredictPixels(this IEmotionPredictor predictor, ReadOnlySpan<byte> pixels)
    {
        Guard.NotNull(predictor);
        CheckPixelCount(predictor, pixels.Length, "pixels");
        return Single(predictor, pixels);
    }

    /// <summary>Predicts from raw grayscale pixels in [0, 1], row-major, of exactly the input size.</summary>
    /// <param name="pixels">Height × width values, each in [0, 1].</param>
    /// <exception cref="FerDataException">The pixel count does not match, or a value is outside [0, 1].</exception>
    /// <param name="predictor">The classifier.</param>
    public static EmotionPrediction PredictPixels(this IEmotionPredictor predictor, ReadOnlySpan<float> pixels)
    {
        Guard.NotNull(predictor);
        CheckPixelCount(predictor, pixels.Length, "pixels");
        return Single(predictor, UnitPixels.ToBytes(pixels, "pixels"));
    }

    /// <summary>Predicts every image file, in order, in batches.</summary>
    /// <param name="imagePaths">The image files.</param>
    /// <exception cref="ArgumentException">No path was given.</exception>
    /// <param name="predictor">The classifier.</param>
    public static IReadOnlyList<EmotionPrediction> PredictFiles(this IEmotionPredictor predictor, IEnumerable<string> imagePaths)
    {
        Guard.NotNull(predictor);
        var paths = Guard.NotNull(imagePaths).ToArray();
        if (paths.Length == 0)
        {
            throw new ArgumentException("imagePaths is empty: there is nothing to predict.", nameof(imagePaths));
        }

        var size = predictor.InputShape.PixelCount;
        var pixels = new byte[paths.Length * size];
        for (var i = 0; i < paths.Length; i++)
        {
            DecodeToInput(predictor, ReadImageFile(Guard.NotNull(paths[i], nameof(imagePaths)), nameof(imagePaths)), paths[i]).CopyTo(pixels, i * size);
        }

        return predictor.PredictPixelBatch(pixels);
    }

    /// <summary>
    /// Finds every face in a photo with <paramref name="detector"/> and predicts its emotion: each face box is widened
    /// to FER2013's framing (<paramref name="cropping"/>), converted to grayscale and resized as training images were.
    /// </summary>
    /// <param name="photo">The photo (upright).</param>
    /// <param name="detector">The face detector, e.g. Fer.Detection's <c>BlazeFaceDetector</c>.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per face, in the detector's order; empty when there is no face.</returns>
    /// <param name="predictor">The classifier.</param>
    public static IReadOnlyList<FaceEmotion> PredictFaces(this IEmotionPredictor predictor, Photo photo, IFaceDetector detector, FaceCropping? cropping = null)
    {
        Guard.NotNull(predictor);
        Guard.NotNull(photo);
        Guard.NotNull(detector);
        var faces = detector.Detect(photo) ?? throw new InvalidOperationException($"{detector.GetType().Name}.Detect returned null; it must return an empty list when there is no face.");
        CheckFaceCount(faces.Count, $"{detector.GetType().Name} found", photo);
        for (var i = 0; i < faces.Count; i++)
        {
            if (faces[i] is null)
            {
                throw new InvalidOperationException($"{detector.GetType().Name}.Detect returned a null face at index {i}; every entry must be a DetectedFace.");
            }

            if (!IsUsable(faces[i].Box))
            {
                throw new InvalidOperationException($"{detector.GetType().Name} returned an invalid face box {faces[i].Box}.");
            }
        }

        return ClassifyFaces(predictor, photo, faces, cropping ?? FaceCropping.Fer2013);
    }

    /// <summary>Predicts the emotion of faces whose boxes the caller already has, cropped and batched as the detector path does.</summary>
    /// <param name="photo">The photo the boxes are in (upright).</param>
    /// <param name="faces">Face boxes in the photo's pixel coordinates.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per box, in the given order.</returns>
    /// <exception cref="ArgumentException">A box is not finite or has no area.</exception>
    /// <param name="predictor">The classifier.</param>
    /// <remarks>Each result's <see cref="FaceEmotion.Face"/> carries the given box with confidence 1.</remarks>
    public static IReadOnlyList<FaceEmotion> PredictFaces(this IEmotionPredictor predictor, Photo photo, IEnumerable<FaceBox> faces, FaceCropping? cropping = null)
    {
        Guard.NotNull(predictor);
        Guard.NotNull(photo);
        var boxes = Guard.NotNull(faces).Take(MaxFacesPerPhoto + 1).ToList();
        CheckFaceCount(boxes.Count, "The boxes given hold at least", photo);
        for (var i = 0; i < boxes.Count; i++)
        {
            if (!IsUsable(boxes[i]))
            {
                throw new ArgumentException($"Face box {i} {boxes[i]} is not usable: its position and size must be finite and its width and height positive.", nameof(faces));
            }
        }

        return ClassifyFaces(predictor, photo, boxes.Select(box => new DetectedFace(box, 1f)).ToList(), cropping ?? FaceCropping.Fer2013);
    }

    /// <summary>Loads a photo file, finds every face and predicts its emotion.</summary>
    /// <param name="photoPath">A JPEG, PNG, BMP, WebP or GIF file.</param>
    /// <param name="detector">The face detector.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image.</exception>
    /// <param name="predictor">The classifier.</param>
    public static IReadOnlyList<FaceEmotion> PredictFaces(this IEmotionPredictor predictor, string photoPath, IFaceDetector detector, FaceCropping? cropping = null)
    {
        using var photo = Photo.Load(photoPath);
        return predictor.PredictFaces(photo, detector, cropping);
    }

    /// <summary>The one prediction of a one-image batch.</summary>
    private static EmotionPrediction Single(IEmotionPredictor predictor, ReadOnlySpan<byte> pixels)
    {
        var predictions = predictor.PredictPixelBatch(pixels);
        return predictions.Count == 1
            ? predictions[0]
            : throw new InvalidOperationException($"{predictor.GetType().Name}.PredictPixelBatch returned {predictions.Count} predictions for one image.");
    }

    private static void CheckFaceCount(int count, string who, Photo photo)
    {
        if (count > MaxFacesPerPhoto)
        {
            throw new FerDataException(
                $"{who} {count:N0} faces in the {photo.Width}x{photo.Height} photo {photo.Source}, more than the {MaxFacesPerPhoto:N0} classified in one photo; " +
                "a detector that finds that many is misconfigured (raise its confidence threshold), or split the photo into parts.")
            { Input = photo.Source };
        }
    }

    private static bool IsUsable(FaceBox box)
        => float.IsFinite(box.X) && float.IsFinite(box.Y) && float.IsFinite(box.Width) && float.IsFinite(box.Height) && box.Width > 0 && box.Height > 0;

    /// <summary>Crops every face as training images were framed and classifies the crops in one batch.</summary>
    private static List<FaceEmotion> ClassifyFaces(IEmotionPredictor predictor, Photo photo, IReadOnlyList<DetectedFace> faces, FaceCropping cropping)
    {
        var shape = predictor.InputShape;
        if (shape.Channels != 1 || shape.Height != shape.Width)
        {
            throw new FerModelException($"PredictFaces crops square grayscale faces, but this model takes {shape}.");
        }

        if (faces.Count == 0)
        {
            return [];
        }

        var size = shape.PixelCount;
        var crops = new FaceBox[faces.Count];
        var pixels = new byte[faces.Count * size];
        for (var i = 0; i < faces.Count; i++)
        {
            var wanted = cropping.CropFor(faces[i].Box);
            if (!IsUsable(wanted))
            {
                throw new InvalidOperationException($"The crop {wanted} of face box {faces[i].Box} is not usable.");
            }

            crops[i] = FaceCropping.PlaceInside(wanted, photo.Width, photo.Height);
            photo.CropToGrayPixels(crops[i], shape.Height).CopyTo(pixels, i * size);
        }

        var predictions = predictor.PredictPixelBatch(pixels);
        return faces.Select((face, i) => new FaceEmotion(face, crops[i], predictions[i])).ToList();
    }

    private static byte[] DecodeToInput(IEmotionPredictor predictor, byte[] encoded, string source)
    {
        CheckGrayscaleModel(predictor);
        var shape = predictor.InputShape;
        using var photo = Photo.Decode(encoded, source, minShortSide: Math.Max(shape.Height, shape.Width) * 2);
        return photo.ToGrayPixels(shape.Width, shape.Height);
    }

    private static void CheckGrayscaleModel(IEmotionPredictor predictor)
    {
        if (predictor.InputShape.Channels != 1)
        {
            throw new FerModelException($"The model takes {predictor.InputShape.Channels}-channel input; photos and image files are converted to grayscale, for 1-channel models only.");
        }
    }

    private static void CheckPixelCount(IEmotionPredictor predictor, int count, string name)
    {
        var shape = predictor.InputShape;
        if (count != shape.PixelCount)
        {
            throw new FerDataException(
                $"{name} has {count} values, but the model takes one {shape.Height}x{shape.Width} grayscale image = {shape.PixelCount} values. " +
                "Pass an encoded image (Predict) to have it resized.")
            { Input = name };
        }
    }

    private static byte[] ReadImageFile(string path, string parameterName)
        => InputFile.ReadAllBytes(path, "image", Photo.MaxFileBytes, message => new FerDataException(message) { Input = path }, parameterName);
}
