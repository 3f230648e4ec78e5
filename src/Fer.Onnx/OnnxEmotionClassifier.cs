using Fer.Internal;
using Microsoft.ML.OnnxRuntime;

namespace Fer.Onnx;

/// <summary>
/// Recognises facial expressions with ONNX Runtime, without LibTorch: runs models that Fer.Core exported
/// (<c>EmotionClassifier.ExportOnnx</c>, <c>fer export</c>), and embeds the default FER2013 model. Same prediction
/// API as Fer.Core's <c>EmotionClassifier</c> (<see cref="IEmotionPredictor"/>): switch by changing the line that
/// creates the classifier. Thread-safe; dispose it to release the ONNX Runtime session.
/// </summary>
/// <example>
/// <code>
/// using var classifier = OnnxEmotionClassifier.LoadDefault();
/// EmotionPrediction p = classifier.Predict("face.jpg");
/// Console.WriteLine($"{p.Emotion} {p.Confidence:P1}");
/// </code>
/// </example>
public sealed partial class OnnxEmotionClassifier : IEmotionPredictor
{

    /// <summary>The largest ONNX model file accepted: 512 MiB, hundreds of times any facial-expression model.</summary>
    public const long MaxModelBytes = 512L * 1024 * 1024;

    /// <summary>Images per forward pass times their test-time copies, at most: keeps one pass's activations to a few MB per layer.</summary>
    private const int InputsPerRun = 256;

    private readonly InferenceSession _session;
    private readonly string _source;
    private readonly UsageGate _gate;
    private PredictionDefaults _defaults;

    private OnnxEmotionClassifier(InferenceSession session, OnnxModelSignature signature, string source)
    {
        _session = session;
        _source = source;
        _gate = new UsageGate(this);
        ClassNames = signature.ClassNames;
        InputShape = signature.InputShape;
        TrainingInfo = signature.TrainingInfo;
        _defaults = signature.PredictionDefaults;
    }

    /// <summary>
    /// Loads the default model embedded in Fer.Onnx: Fer.Core's default FER2013 model exported to ONNX (same
    /// predictions). Each call loads a new classifier that the caller disposes; load it once and share it, since it is
    /// thread-safe.
    /// </summary>
    /// <exception cref="FerModelException">This build of Fer.Onnx has no embedded default model.</exception>
    public static OnnxEmotionClassifier LoadDefault() => LoadEmbedded(EmbeddedModel.Default);

    /// <summary>
    /// Loads the accurate model embedded in Fer.Onnx: Fer.Core's <c>EmotionClassifier.LoadAccurate()</c> (an ensemble of
    /// three networks, ten-crop test-time augmentation, calibrated probabilities) exported to ONNX, same predictions,
    /// about 30 network passes per face (measured latencies in docs/benchmarks.md). Each call loads a new classifier that
    /// the caller disposes.
    /// </summary>
    /// <exception cref="FerModelException">This build of Fer.Onnx has no embedded accurate model.</exception>
    public static OnnxEmotionClassifier LoadAccurate() => LoadEmbedded(EmbeddedModel.Accurate);

    /// <summary>
    /// Loads a model embedded in Fer.Onnx by name: <see cref="EmbeddedModel.Default"/> and
    /// <see cref="EmbeddedModel.Accurate"/> (FER2013's seven emotions), <see cref="EmbeddedModel.FerPlus"/> and
    /// <see cref="EmbeddedModel.FerPlusAccurate"/> (FER+'s
    /// eight): Fer.Core's embedded models exported to ONNX, same predictions. Each call loads a new classifier that the
    /// caller disposes; load it once and share it, since it is thread-safe.
    /// </summary>
    /// <param name="model">Which model.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="model"/> is not a defined value.</exception>
    /// <exception cref="FerModelException">This build of Fer.Onnx does not embed that model.</exception>
    public static OnnxEmotionClassifier LoadEmbedded(EmbeddedModel model)
    {
        var (bytes, description) = EmbeddedModelFiles.Read(model, typeof(OnnxEmotionClassifier).Assembly, ".onnx", string.Empty);
        return Load(bytes, description);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc/>
    public ImageShape InputShape { get; }

    /// <summary>Facts about the model's training (recipe, data, architecture), from its metadata.</summary>
    public IReadOnlyDictionary<string, string> TrainingInfo { get; }

    /// <inheritdoc/>
    public TestTimeAugmentation TestTimeAugmentation
    {
        get => _defaults.TestTimeAugmentation;
        set => _defaults = _defaults with { TestTimeAugmentation = value };
    }

    /// <inheritdoc/>
    public double Temperature
    {
        get => _defaults.Temperature;
        set => _defaults = _defaults with { Temperature = value };
    }

    /// <summary>Loads an ONNX model exported by Fer.Core.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="options">How to run it; ONNX Runtime's defaults when null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerModelException">The file is not a valid ONNX model exported by Fer.Core.</exception>
    public static OnnxEmotionClassifier Load(string path, OnnxClassifierOptions? options = null)
    {
        var bytes = InputFile.ReadAllBytes(path, "ONNX model", MaxModelBytes, message => new FerModelException(message), nameof(path));
        return Load(bytes, path, options);
    }

    /// <summary>Loads an ONNX model exported by Fer.Core from its bytes.</summary>
    /// <param name="model">The bytes of the .onnx file.</param>
    /// <param name="source">What to call the model in error messages (e.g. its file name).</param>
    /// <param name="options">How to run it; ONNX Runtime's defaults when null.</param>
    /// <exception cref="FerModelException">The bytes are not a valid ONNX model exported by Fer.Core.</exception>
    public static OnnxEmotionClassifier Load(byte[] model, string source, OnnxClassifierOptions? options = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(source);
        if (options is { Threads: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "Threads must be 0 (ONNX Runtime's choice) or positive.");
        }

        if (model.LongLength > MaxModelBytes)
        {
            throw new FerModelException($"Invalid ONNX model: {source}: it has {model.LongLength} bytes, more than the {MaxModelBytes} accepted.");
        }

        var session = OpenSession(model, source, options);
        try
        {
            var classifier = new OnnxEmotionClassifier(session, OnnxModelSignature.Read(session, source), source);
            classifier.CheckFiniteOutputs(source);
            return classifier;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Releases the ONNX Runtime session. Safe while other threads predict: predictions already running finish (the
    /// session is released after the last one), later ones throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose() => _gate.Close(_session.Dispose);

    private static InferenceSession OpenSession(byte[] model, string source, OnnxClassifierOptions? options)
    {
        try
        {
            using var sessionOptions = new SessionOptions { InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
            sessionOptions.IntraOpNumThreads = options?.Threads ?? 0;
            options?.ConfigureSession?.Invoke(sessionOptions);
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new FerModelException(
                $"Invalid ONNX model: {source}: ONNX Runtime cannot load it: it is not a well-formed ONNX model, or it uses an operator, opset or feature that this " +
                "ONNX Runtime does not run (Fer.Onnx reads the opset-17 models Fer.Core exports; the inner exception has ONNX Runtime's own report).", e);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new FerException(
                "ONNX Runtime's native library (libonnxruntime) could not be loaded. It ships in the Microsoft.ML.OnnxRuntime package for win-x64/arm64, linux-x64/arm64 and osx-arm64; check that your app is published for one of them. " + e.Message,
                e);
        }
    }
}
