
namespace Fer;

/// <summary>
/// What an emotion classifier engine provides: its classes, its input size, its test-time augmentation and
/// temperature, and predictions for a batch of grayscale pixels of that size. Everything else (image files, streams,
/// bytes, photos, single images, the faces of a photo with a detector or with boxes) is written once, for every
/// engine, in <see cref="EmotionPredictorExtensions"/>, so that all decode, resize and crop alike. Implemented by
/// Fer.Core's <c>EmotionClassifier</c> (TorchSharp, which also trains) and Fer.Onnx's <c>OnnxEmotionClassifier</c>
/// (ONNX Runtime, no LibTorch): an app switches between them by changing the one line that creates the classifier.
/// Implementations are thread-safe and disposable.
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

    /// <summary>
    /// Predicts every image of a batch of raw grayscale pixels, 0–255, images one after another, each of the input
    /// size, with the current <see cref="TestTimeAugmentation"/> and <see cref="Temperature"/>: the one prediction
    /// entry an engine implements.
    /// </summary>
    /// <param name="pixels">N × height × width values.</param>
    /// <exception cref="FerDataException">The length is not a whole number of images.</exception>
    IReadOnlyList<EmotionPrediction> PredictPixelBatch(ReadOnlySpan<byte> pixels);
}
