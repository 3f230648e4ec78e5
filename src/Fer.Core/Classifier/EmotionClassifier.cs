using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>
/// Recognises facial expressions: <see cref="Train(LabeledFaces, TrainingOptions?, IProgress{TrainingProgress}?, CancellationToken)"/>
/// a model, <c>Predict</c> the emotion of faces, and <see cref="Evaluate"/> a model with proper metrics.
/// <see cref="LoadDefault"/> is the model embedded in the package, trained on FER2013. Predict is thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var classifier = EmotionClassifier.LoadDefault();
/// EmotionPrediction p = classifier.Predict("face.jpg");
/// Console.WriteLine($"{p.Emotion} {p.Confidence:P1}");
/// </code>
/// </example>
public sealed partial class EmotionClassifier : IEmotionPredictor
{
    private readonly Sequential _model;

    private EmotionClassifier(Sequential model, History? history)
    {
        _model = model;
        History = history;
        ClassNames = model.ClassNames ?? throw new FerModelException("The model has no class names; train it or set Sequential.ClassNames before wrapping it.");
    }

    /// <summary>
    /// Loads the default model embedded in Fer.Core, trained on FER2013's seven emotions (docs/model-card.md): a fast
    /// single network. Each call loads a new classifier (a few MB of native memory) that the caller disposes; load it
    /// once and share it, since it is thread-safe.
    /// </summary>
    /// <exception cref="FerModelException">This build of Fer.Core has no embedded model.</exception>
    public static EmotionClassifier LoadDefault() => LoadEmbedded(EmbeddedModel.Default);

    /// <summary>
    /// Loads the accurate model embedded in Fer.Core: an ensemble of three networks trained on FER2013, averaged inside
    /// one model, predicting with ten-crop test-time augmentation and calibrated probabilities
    /// (docs/model-card-accurate.md). More accurate than <see cref="LoadDefault"/>, at about 30 network passes per face
    /// (set <see cref="TestTimeAugmentation"/> to trade accuracy for time; measured latencies in docs/benchmarks.md).
    /// Each call loads a new classifier that the caller disposes.
    /// </summary>
    /// <exception cref="FerModelException">This build of Fer.Core has no embedded accurate model.</exception>
    public static EmotionClassifier LoadAccurate() => LoadEmbedded(EmbeddedModel.Accurate);

    /// <summary>
    /// Loads a model embedded in Fer.Core by name: <see cref="EmbeddedModel.Default"/> and
    /// <see cref="EmbeddedModel.Accurate"/> (FER2013's seven emotions), <see cref="EmbeddedModel.FerPlus"/> and
    /// <see cref="EmbeddedModel.FerPlusAccurate"/> (FER+'s
    /// eight). Fer.Onnx's <c>OnnxEmotionClassifier.LoadEmbedded</c> loads the same models without LibTorch. Each call
    /// loads a new classifier that the caller disposes; load it once and share it, since it is thread-safe.
    /// </summary>
    /// <param name="model">Which model.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="model"/> is not a defined value.</exception>
    /// <exception cref="FerModelException">This build of Fer.Core does not embed that model.</exception>
    public static EmotionClassifier LoadEmbedded(EmbeddedModel model)
    {
        var (bytes, description) = EmbeddedModelFiles.Read(model, typeof(EmotionClassifier).Assembly, ".fer", " Train one with EmotionClassifier.Train, or load a model file with EmotionClassifier.Load.");
        return new EmotionClassifier(Sequential.Load(bytes, description), null);
    }

    /// <summary>The classes the classifier tells apart, in output order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The input size images are converted to (grayscale, resized).</summary>
    public ImageShape InputShape => _model.InputShape;

    /// <summary>The training history, when this classifier was trained in this process.</summary>
    public History? History { get; }

    /// <summary>Facts about the model's training (recipe, data, architecture), from its file.</summary>
    public IReadOnlyDictionary<string, string> TrainingInfo => _model.TrainingInfo.AsReadOnly();

    /// <summary>
    /// Averaging over transformed copies at prediction time: the model's <see cref="Sequential.PredictionDefaults"/>
    /// when loaded (<see cref="TestTimeAugmentation.None"/> for most models, <see cref="TestTimeAugmentation.TenCrop"/>
    /// for <see cref="LoadAccurate"/>). Setting it changes the model's defaults, so <see cref="Save(string)"/> keeps it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public TestTimeAugmentation TestTimeAugmentation
    {
        get => _model.PredictionDefaults.TestTimeAugmentation;
        set => _model.PredictionDefaults = _model.PredictionDefaults with { TestTimeAugmentation = value };
    }

    /// <inheritdoc/>
    public double Temperature
    {
        get => _model.PredictionDefaults.Temperature;
        set => _model.PredictionDefaults = _model.PredictionDefaults with { Temperature = value };
    }

    /// <summary>The underlying Keras-style model, for summaries and advanced use.</summary>
    public Sequential Model => _model;

    /// <summary>Loads a classifier from a model file written by <see cref="Save(string)"/> or <see cref="Sequential.Save(string)"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="device">Where to run the model; the CPU by default.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerModelException">The file is not a valid model file.</exception>
    public static EmotionClassifier Load(string path, ComputeDevice? device = null) => new(Sequential.Load(path, device), null);

    /// <summary>Wraps a trained model (it must have class names); the classifier takes ownership of it.</summary>
    /// <param name="model">The trained model.</param>
    public static EmotionClassifier FromModel(Sequential model) => new(Guard.NotNull(model), null);

    /// <summary>Saves the model (architecture, weights, class names, normalisation, training info and history) to one file, atomically.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => _model.Save(path);

    /// <summary>Saves the model as <see cref="Save(string)"/> does, with the weights stored at <paramref name="precision"/> (float16 for half the file).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="precision">How the weights are stored.</param>
    public void Save(string path, WeightPrecision precision) => _model.Save(path, precision);

    /// <summary>Writes the model as an ONNX model for Fer.Onnx's LibTorch-free classifier; see <see cref="Sequential.ExportOnnx"/>.</summary>
    /// <param name="path">The .onnx file to write.</param>
    public void ExportOnnx(string path) => _model.ExportOnnx(path);

    /// <summary>Frees the model's native memory.</summary>
    public void Dispose() => _model.Dispose();
}
