
namespace Fer.Internal;

/// <summary>
/// The one path from every input kind of <see cref="IEmotionPredictor"/> (files, streams, bytes, photos, raw pixels,
/// faces of a photo) to a batch of 0–255 grayscale pixels of the model's input size, which <c>classify</c> turns into
/// predictions. Shared by the TorchSharp and the ONNX Runtime classifiers, so that both decode, resize and crop alike.
/// </summary>
internal sealed class PredictionInputs
{
    /// <summary>
    /// The most faces classified in one photo: a crowd photo has hundreds at most, a detector that returns thousands is
    /// broken or hostile, and each face costs a crop and a network pass (milliseconds; tens with an ensemble).
    /// </summary>
    public const int MaxFacesPerPhoto = 1000;

    private readonly Func<byte[], int, IReadOnlyList<EmotionPrediction>> _classify;

    /// <param name="inputShape">The model's input: one channel.</param>
    /// <param name="classify">Predictions for N images given as N × <see cref="ImageShape.PixelCount"/> bytes.</param>
    public PredictionInputs(ImageShape inputShape, Func<byte[], int, IReadOnlyList<EmotionPrediction>> classify)
    {
        InputShape = inputShape;
        _classify = classify;
    }

    public ImageShape InputShape { get; }

    public EmotionPrediction File(string imagePath)
        => _classify(DecodeToInput(ReadImageFile(imagePath, nameof(imagePath)), imagePath), 1)[0];

    public EmotionPrediction Stream(Stream image)
    {
        Guard.NotNull(image);
        var encoded = InputFile.ReadStream(image, "image stream", Fer.Photo.MaxFileBytes, message => new FerDataException(message) { Input = "the stream" });
        return _classify(DecodeToInput(encoded, "the stream"), 1)[0];
    }

    public EmotionPrediction Bytes(byte[] encodedImage)
    {
        Guard.NotNull(encodedImage);
        return _classify(DecodeToInput(encodedImage, "the encoded image bytes"), 1)[0];
    }

    public EmotionPrediction Photo(Photo photo)
    {
        Guard.NotNull(photo);
        CheckGrayscaleModel();
        return _classify(photo.ToGrayPixels(InputShape.Width, InputShape.Height), 1)[0];
    }

    public EmotionPrediction Pixels(ReadOnlySpan<byte> pixels)
    {
        CheckPixelCount(pixels.Length, "pixels");
        return _classify(pixels.ToArray(), 1)[0];
    }

    public EmotionPrediction Pixels(ReadOnlySpan<float> pixels)
    {
        CheckPixelCount(pixels.Length, "pixels");
        return _classify(UnitPixels.ToBytes(pixels, "pixels"), 1)[0];
    }

    public IReadOnlyList<EmotionPrediction> PixelBatch(ReadOnlySpan<byte> pixels)
    {
        var size = InputShape.PixelCount;
        if (pixels.Length == 0 || pixels.Length % size != 0)
        {
            throw new FerDataException(
                $"pixels has {pixels.Length} values, but a batch holds a whole, non-zero number of {InputShape.Height}x{InputShape.Width} grayscale images of {size} values each.")
            { Input = "pixels" };
        }

        return _classify(pixels.ToArray(), pixels.Length / size);
    }

    public IReadOnlyList<EmotionPrediction> Files(IEnumerable<string> imagePaths)
    {
        var paths = Guard.NotNull(imagePaths).ToArray();
        if (paths.Length == 0)
        {
            throw new ArgumentException("imagePaths is empty: there is nothing to predict.", nameof(imagePaths));
        }

        var size = InputShape.PixelCount;
        var pixels = new byte[paths.Length * size];
        for (var i = 0; i < paths.Length; i++)
        {
            DecodeToInput(ReadImageFile(Guard.NotNull(paths[i], nameof(imagePaths)), nameof(imagePaths)), paths[i]).CopyTo(pixels, i * size);
        }

        return _classify(pixels, paths.Length);
    }

    public IReadOnlyList<FaceEmotion> Faces(Photo photo, IFaceDetector detector, FaceCropping? cropping)
    {
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

        return ClassifyFaces(photo, faces, cropping ?? FaceCropping.Fer2013);
    }

    public IReadOnlyList<FaceEmotion> Faces(Photo photo, IEnumerable<FaceBox> faces, FaceCropping? cropping)
    {
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

        return ClassifyFaces(photo, boxes.Select(box => new DetectedFace(box, 1f)).ToList(), cropping ?? FaceCropping.Fer2013);
    }

    public IReadOnlyList<FaceEmotion> Faces(string photoPath, IFaceDetector detector, FaceCropping? cropping)
    {
        using var photo = Fer.Photo.Load(photoPath);
        return Faces(photo, detector, cropping);
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
    private List<FaceEmotion> ClassifyFaces(Photo photo, IReadOnlyList<DetectedFace> faces, FaceCropping cropping)
    {
        if (InputShape.Channels != 1 || InputShape.Height != InputShape.Width)
        {
            throw new FerModelException($"PredictFaces crops square grayscale faces, but this model takes {InputShape}.");
        }

        if (faces.Count == 0)
        {
            return [];
        }

        var size = InputShape.PixelCount;
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
            photo.CropToGrayPixels(crops[i], InputShape.Height).CopyTo(pixels, i * size);
        }

        var predictions = _classify(pixels, faces.Count);
        return faces.Select((face, i) => new FaceEmotion(face, crops[i], predictions[i])).ToList();
    }

    private byte[] DecodeToInput(byte[] encoded, string source)
    {
        CheckGrayscaleModel();
        using var photo = Fer.Photo.Decode(encoded, source, minShortSide: Math.Max(InputShape.Height, InputShape.Width) * 2);
        return photo.ToGrayPixels(InputShape.Width, InputShape.Height);
    }

    private void CheckGrayscaleModel()
    {
        if (InputShape.Channels != 1)
        {
            throw new FerModelException($"The model takes {InputShape.Channels}-channel input; photos and image files are converted to grayscale, for 1-channel models only.");
        }
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
        => InputFile.ReadAllBytes(path, "image", Fer.Photo.MaxFileBytes, message => new FerDataException(message) { Input = path }, parameterName);
}
