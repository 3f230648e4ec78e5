
namespace Fer;

/// <summary>
/// What every emotion classifier predicts from: image files, streams and bytes, photos, raw pixels, and the faces of a
/// photo. Implemented by Fer.Core's <c>EmotionClassifier</c> (TorchSharp, which also trains) and Fer.Onnx's
/// <c>OnnxEmotionClassifier</c> (ONNX Runtime, no LibTorch), so that an app switches between them by changing the one
/// line that creates the classifier. Implementations are thread-safe and disposable.
/// </summary>
/// <example>
/// <code>
/// using IEmotionPredictor classifier = OnnxEmotionClassifier.LoadDefault();   // or EmotionClassifier.LoadDefault()
/// Console.WriteLine(classifier.Predict("face.jpg"));                    // e.g. "happy 93.2%"
/// </code>
/// </example>
public interface IEmotionPredictor : IDisposable
{
    /// <summary>The classes the classifier tells apart, in output order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The input size images are converted to (grayscale, resized).</summary>
    ImageShape InputShape { get; }

    /// <summary>Averaging over transformed copies at prediction time: the model's default when loaded (see <see cref="PredictionDefaults"/>).</summary>
    TestTimeAugmentation TestTimeAugmentation { get; set; }

    /// <summary>
    /// The calibration temperature applied to every reported probability vector after test-time averaging (see
    /// <see cref="PredictionDefaults.Temperature"/>): the model's when loaded, 1 (none) for uncalibrated models. It
    /// changes confidences, never the predicted class.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [<see cref="PredictionDefaults.MinTemperature"/>, <see cref="PredictionDefaults.MaxTemperature"/>].</exception>
    double Temperature { get; set; }

    /// <summary>Predicts the emotion of the face in an image file (JPEG, PNG, BMP, WebP, GIF); the whole image is the face.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image.</exception>
    EmotionPrediction Predict(string imagePath);

    /// <summary>Predicts the emotion of the face in an encoded image read from a stream.</summary>
    /// <param name="image">A stream holding a JPEG, PNG, BMP, WebP or GIF image.</param>
    /// <exception cref="FerDataException">The stream does not hold a readable image.</exception>
    EmotionPrediction Predict(Stream image);

    /// <summary>Predicts the emotion of the face in an encoded image (the bytes of a JPEG, PNG, BMP, WebP or GIF file).</summary>
    /// <param name="encodedImage">The file's bytes.</param>
    /// <exception cref="FerDataException">The bytes are not a readable image.</exception>
    EmotionPrediction Predict(byte[] encodedImage);

    /// <summary>Predicts the emotion of a decoded photo taken as one face (converted to grayscale and resized).</summary>
    /// <param name="photo">The photo.</param>
    EmotionPrediction Predict(Photo photo);

    /// <summary>Predicts from raw grayscale pixels, 0–255, row-major, of exactly the input size (48x48 for FER2013 models).</summary>
    /// <param name="pixels">Height × width values.</param>
    /// <exception cref="FerDataException">The pixel count does not match the input size.</exception>
    EmotionPrediction PredictPixels(ReadOnlySpan<byte> pixels);

    /// <summary>Predicts from raw grayscale pixels in [0, 1], row-major, of exactly the input size.</summary>
    /// <param name="pixels">Height × width values, each in [0, 1].</param>
    /// <exception cref="FerDataException">The pixel count does not match, or a value is outside [0, 1].</exception>
    EmotionPrediction PredictPixels(ReadOnlySpan<float> pixels);

    /// <summary>Predicts every image of a batch of raw grayscale pixels, 0–255, images one after another, each of the input size.</summary>
    /// <param name="pixels">N × height × width values.</param>
    /// <exception cref="FerDataException">The length is not a whole number of images.</exception>
    IReadOnlyList<EmotionPrediction> PredictPixelBatch(ReadOnlySpan<byte> pixels);

    /// <summary>Predicts every image file, in order, in batches.</summary>
    /// <param name="imagePaths">The image files.</param>
    /// <exception cref="ArgumentException">No path was given.</exception>
    IReadOnlyList<EmotionPrediction> PredictFiles(IEnumerable<string> imagePaths);

    /// <summary>
    /// Finds every face in a photo with <paramref name="detector"/> and predicts its emotion: each face box is widened
    /// to FER2013's framing (<paramref name="cropping"/>), converted to grayscale and resized as training images were.
    /// </summary>
    /// <param name="photo">The photo (upright).</param>
    /// <param name="detector">The face detector, e.g. Fer.Detection's <c>BlazeFaceDetector</c>.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per face, in the detector's order; empty when there is no face.</returns>
    IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IFaceDetector detector, FaceCropping? cropping = null);

    /// <summary>Predicts the emotion of faces whose boxes the caller already has, cropped and batched as the detector path does.</summary>
    /// <param name="photo">The photo the boxes are in (upright).</param>
    /// <param name="faces">Face boxes in the photo's pixel coordinates.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per box, in the given order.</returns>
    /// <exception cref="ArgumentException">A box is not finite or has no area.</exception>
    IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IEnumerable<FaceBox> faces, FaceCropping? cropping = null);

    /// <summary>Loads a photo file, finds every face and predicts its emotion.</summary>
    /// <param name="photoPath">A JPEG, PNG, BMP, WebP or GIF file.</param>
    /// <param name="detector">The face detector.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image.</exception>
    IReadOnlyList<FaceEmotion> PredictFaces(string photoPath, IFaceDetector detector, FaceCropping? cropping = null);
}
