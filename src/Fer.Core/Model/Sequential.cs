using Fer.Datasets;
using Fer.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A Keras-style sequential model on TorchSharp: add layers, <see cref="Compile"/>, <see cref="Fit"/>,
/// <see cref="Evaluate"/>, <see cref="Predict(LabeledFaces, int)"/>, <see cref="Save(string)"/> and <see cref="Load(string, ComputeDevice?)"/>.
/// The model owns its native modules and frees them when disposed.
/// </summary>
/// <example>
/// <code>
/// using var model = new Sequential(inputShape: (1, 48, 48))
///     .Add(Layers.Conv2D(32, kernel: 3, padding: Padding.Same))
///     .Add(Layers.ReLU())
///     .Add(Layers.Flatten())
///     .Add(Layers.Dense(7));
/// Console.WriteLine(model.Summary());
/// </code>
/// </example>
public sealed partial class Sequential : IDisposable
{
    private readonly List<Layer> _layers = [];
    private SequentialNet? _net;
    private readonly InferencePlanSlot _plan = new();
    private List<(string Name, Layer Layer, Shape Output)>? _built;
    private long _largestActivationElements;
    private PredictionDefaults _predictionDefaults = PredictionDefaults.None;
    private readonly UsageGate _gate;

    /// <summary>Creates an empty model for inputs of <paramref name="inputShape"/>.</summary>
    /// <param name="inputShape">The shape of one input image, channels first: (1, 48, 48) for FER2013.</param>
    /// <param name="seed">Seed of weight initialisation, batch order and dropout: the same seed repeats a single-threaded run.</param>
    /// <param name="device">Where to train and predict; the CPU by default.</param>
    /// <exception cref="NativeLibraryException">TorchSharp's native library cannot be loaded.</exception>
    public Sequential(ImageShape inputShape, int seed = 0, ComputeDevice? device = null)
    {
        _gate = new UsageGate(this);
        ModelInputChecks.Shape(inputShape, nameof(inputShape));
        LibTorch.EnsureAvailable();
        InputShape = inputShape;
        Seed = seed;
        Device = device ?? ComputeDevice.Cpu;
        TorchDevice = Device.ToTorch();
    }

    /// <summary>The shape of one input image.</summary>
    public ImageShape InputShape { get; }

    /// <summary>The seed of initialisation, batch order and dropout.</summary>
    public int Seed { get; }

    /// <summary>Where the model trains and predicts.</summary>
    public ComputeDevice Device { get; }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The names of the classes the outputs stand for; taken from the training data when not set.</summary>
    public IReadOnlyList<string>? ClassNames { get; set; }

    /// <summary>How pixels are scaled before they enter the model; saved with it. <see cref="Normalization.UnitRange"/> by default.</summary>
    public Normalization Normalization { get; set; } = Normalization.UnitRange;

    /// <summary>
    /// How classifiers predict with this model unless told otherwise (test-time augmentation, calibration temperature);
    /// saved with it and with its ONNX export. <see cref="Sequential.Predict(Fer.Datasets.LabeledFaces, int)"/> does not
    /// apply them: <see cref="EmotionClassifier"/> and Fer.Onnx's classifier do. <see cref="PredictionDefaults.None"/> by default.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public PredictionDefaults PredictionDefaults
    {
        get => _predictionDefaults;
        set => _predictionDefaults = Guard.NotNull(value);
    }

    /// <summary>Free-form facts about how the model was trained (recipe, data, duration), saved with it.</summary>
    public IDictionary<string, string> TrainingInfo { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What messages call the model: the file or resource it was loaded from, or that it was built in memory.</summary>
    internal string Source { get; set; } = "Sequential built in memory";

    /// <summary>Whether <see cref="Build"/> has run (it runs on first use).</summary>
    public bool IsBuilt => _net is not null;

    /// <summary>Whether the outputs are probabilities rather than logits: the last layer is a softmax, or an average of branches that each end in one (an ensemble).</summary>
    public bool OutputsProbabilities => _layers.Count > 0 && _layers[^1] is ActivationLayer { Function: ActivationKind.Softmax } or AverageLayer { AveragesProbabilities: true };

    /// <summary>The number of outputs (classes); builds the model.</summary>
    public int OutputCount => EnsureBuilt().Output[0];

    internal Device TorchDevice { get; }

    internal SequentialNet Network => EnsureBuilt().Net;

    /// <summary>Appends a layer.</summary>
    /// <param name="layer">The layer, from <see cref="Fer.Core.Layers"/>.</param>
    /// <returns>This model, for chaining.</returns>
    /// <exception cref="FerModelException">The model is already built.</exception>
    public Sequential Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ThrowIfDisposed();
        if (IsBuilt)
        {
            throw new FerModelException("Cannot add a layer to a model that is already built (by Summary, Compile, Fit, Predict or Load). Add all layers first.");
        }

        _layers.Add(layer);
        return this;
    }

    /// <summary>Creates the modules and initialises the weights with <see cref="Seed"/>. Runs on first use; calling it again does nothing.</summary>
    /// <exception cref="FerModelException">The layers do not fit together; the message names the layer and the shapes.</exception>
    public Sequential Build()
    {
        EnsureBuilt();
        return this;
    }

    /// <summary>Each layer's name, output shape and parameter count, and the totals.</summary>
    public ModelSummary Summary()
    {
        using var use = Use();
        var (net, _) = EnsureBuilt();
        var rows = new List<ModelSummaryRow>();
        long trainable = 0, nonTrainable = 0;
        for (var i = 0; i < _built!.Count; i++)
        {
            var module = net.Children[i];
            var own = module.parameters().Sum(p => p.numel());
            var buffers = module.named_buffers().Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Sum(b => b.buffer.numel());
            trainable += own;
            nonTrainable += buffers;
            rows.Add(new ModelSummaryRow(_built[i].Name, _built[i].Layer.Kind, _built[i].Output.ToBatchString(), own + buffers));
        }

        return new ModelSummary(rows, trainable, nonTrainable);
    }

    /// <summary>
    /// Frees the model's native memory. Safe while other threads use the model: calls already running finish (the
    /// memory is freed after the last one), later calls throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose() => _gate.Close(() =>
    {
        _optimizer?.Dispose();
        _plan.Dispose();
        _net?.Dispose();
    });

    /// <summary>Holds the model's native memory for one call; see <see cref="Dispose"/>.</summary>
    internal UsageGate.Lease Use() => _gate.Enter();

    private (SequentialNet Net, Shape Output) EnsureBuilt()
    {
        ThrowIfDisposed();
        if (_net is not null)
        {
            return (_net, _built![^1].Output);
        }

        var built = NetworkBuilder.Build(_layers, InputShape, Seed);
        built.Net.to(TorchDevice);
        _net = built.Net;
        _built = built.Layers;
        _largestActivationElements = built.LargestElements;
        return (_net, _built[^1].Output);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_gate.IsClosed, this);
}
