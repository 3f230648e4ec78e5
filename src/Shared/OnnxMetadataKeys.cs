namespace Fer.Internal;

/// <summary>
/// The metadata that Fer.Core writes into the ONNX models it exports (ONNX <c>metadata_props</c>), read back by
/// Fer.Onnx. The graph itself takes grayscale pixels 0–255 and normalises them: the normalisation is recorded for
/// information only.
/// </summary>
internal static class OnnxMetadataKeys
{
    /// <summary>The export format's version: "1".</summary>
    public const string Format = "fer.format";

    /// <summary>The class names in output order, as a JSON array of strings.</summary>
    public const string ClassNames = "fer.class_names";

    /// <summary>One image's shape, channels first: "1,48,48".</summary>
    public const string InputShape = "fer.input_shape";

    /// <summary>The range of the input values the graph expects: "0-255".</summary>
    public const string InputRange = "fer.input_range";

    /// <summary>The normalisation the graph applies, <c>(pixel / 255 - mean) / std</c>: the mean.</summary>
    public const string NormalizationMean = "fer.normalization_mean";

    /// <summary>The normalisation the graph applies: the std.</summary>
    public const string NormalizationStd = "fer.normalization_std";

    /// <summary>Prefix of the model's training facts (recipe, data, architecture): "fer.training.recipe" and so on.</summary>
    public const string TrainingPrefix = "fer.training.";

    /// <summary>The test-time augmentation a classifier uses unless told otherwise: "None", "HorizontalFlip" or "TenCrop" (optional; "None" when absent).</summary>
    public const string TestTimeAugmentation = "fer.prediction.test_time_augmentation";

    /// <summary>The calibration temperature applied after test-time averaging, invariant culture (optional; "1" when absent).</summary>
    public const string Temperature = "fer.prediction.temperature";

    /// <summary>The graph's input: (N, C, H, W) float pixels 0–255.</summary>
    public const string InputName = "pixels";

    /// <summary>The graph's output: (N, classes) probabilities.</summary>
    public const string OutputName = "probabilities";

    /// <summary>The value of <see cref="Format"/> this version writes and reads.</summary>
    public const string CurrentFormat = "1";

    /// <summary>The value of <see cref="InputRange"/> this version writes and reads.</summary>
    public const string PixelRange = "0-255";
}
