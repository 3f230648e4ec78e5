namespace Fer;

/// <summary>
/// How a classifier predicts with a model unless told otherwise, saved with the model (its file and its ONNX export):
/// the test-time augmentation it was measured with and the temperature that calibrates its probabilities. A classifier
/// starts from its model's defaults (<c>EmotionClassifier.TestTimeAugmentation</c>, <c>Temperature</c>); models that
/// were not calibrated have <see cref="None"/>.
/// </summary>
/// <example>
/// <code>
/// model.PredictionDefaults = new PredictionDefaults { TestTimeAugmentation = TestTimeAugmentation.TenCrop, Temperature = 0.8 };
/// </code>
/// </example>
public sealed record PredictionDefaults
{
    private readonly TestTimeAugmentation _testTimeAugmentation;
    private readonly double _temperature = 1;

    /// <summary>No test-time augmentation, temperature 1 (the probabilities as the network gives them).</summary>
    public static PredictionDefaults None { get; } = new();

    /// <summary>The averaging over transformed copies the model's figures were measured with.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="Fer.TestTimeAugmentation"/> value.</exception>
    public TestTimeAugmentation TestTimeAugmentation
    {
        get => _testTimeAugmentation;
        init => _testTimeAugmentation = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a test-time augmentation; expected one of {string.Join(", ", Enum.GetNames<TestTimeAugmentation>())}.");
    }

    /// <summary>
    /// The calibration temperature T: each reported probability vector p (after test-time averaging) becomes
    /// p<sup>1/T</sup> renormalised, i.e. its log-probabilities divided by T. T &gt; 1 softens overconfident predictions,
    /// T &lt; 1 sharpens underconfident ones, 1 changes nothing; the predicted class never changes. Fitted on a
    /// validation split with <c>Calibration.FitTemperature</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in [0.05, 20] (or not finite).</exception>
    public double Temperature
    {
        get => _temperature;
        init => _temperature = CheckTemperature(value, nameof(Temperature));
    }

    /// <summary>The smallest temperature accepted.</summary>
    public const double MinTemperature = 0.05;

    /// <summary>The largest temperature accepted.</summary>
    public const double MaxTemperature = 20;

    private static double CheckTemperature(double temperature, string name)
        => temperature is >= MinTemperature and <= MaxTemperature
            ? temperature
            : throw new ArgumentOutOfRangeException(name, temperature, $"The temperature must be between {MinTemperature} and {MaxTemperature}.");
}
