using Fer.Datasets;
using Fer.Datasets.Batching;
using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Compile, Fit and Evaluate.</summary>
public sealed partial class Sequential
{
    private OptimizerHelper? _optimizer;

    /// <summary>The optimizer configuration given to <see cref="Compile"/>; null before.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>The loss given to <see cref="Compile"/> (a <see cref="KnowledgeDistillation"/> when the model learns from teachers); null before.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>The metrics given to <see cref="Compile"/>.</summary>
    public IReadOnlyList<TrainingMetric> Metrics { get; private set; } = [];

    /// <summary>The learning-rate schedule given to <see cref="Compile"/>, if any.</summary>
    public LearningRateSchedule? Schedule { get; private set; }

    /// <summary>Set by a callback to end training after the current epoch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>The optimizer's current learning rate; callbacks may change it.</summary>
    /// <exception cref="FerModelException">The model is not compiled.</exception>
    public double LearningRate
    {
        get => CompiledOptimizer.ParamGroups.First().LearningRate;
        set
        {
            Guard.NotNegative(value);
            foreach (var group in CompiledOptimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    private OptimizerHelper CompiledOptimizer
        => _optimizer ?? throw new FerModelException("The model is not compiled. Call model.Compile(Optimizers.Adam(), Losses.CategoricalCrossEntropy()) before Fit or Evaluate.");

    /// <summary>Configures training, as Keras's <c>compile</c>.</summary>
    /// <param name="optimizer">Adam with learning rate 0.001 when omitted.</param>
    /// <param name="loss">Categorical cross-entropy when omitted; <see cref="Losses.DistillFrom(Sequential, double, double, Loss?)"/> to learn from a teacher too.</param>
    /// <param name="metrics">Metrics to report; accuracy when omitted.</param>
    /// <param name="schedule">An epoch-wise learning-rate schedule; the rate stays as set when omitted.</param>
    /// <returns>This model, for chaining.</returns>
    /// <exception cref="FerModelException">The metrics repeat a name, or the loss does not fit this model (class weights, a teacher).</exception>
    public Sequential Compile(Optimizer? optimizer = null, Loss? loss = null, IReadOnlyList<TrainingMetric>? metrics = null, LearningRateSchedule? schedule = null)
    {
        using var use = Use();
        var net = Network;
        loss ??= Losses.CategoricalCrossEntropy();
        loss.CheckCompatible(this);
        Optimizer = optimizer ?? Optimizers.Adam();
        Loss = loss;
        Metrics = metrics?.ToArray() ?? [TrainingMetric.Accuracy];
        if (Metrics.Select(m => m.Name).Distinct().Count() != Metrics.Count)
        {
            throw new FerModelException($"Compile: the metrics [{string.Join(", ", Metrics)}] name one metric twice.");
        }

        Schedule = schedule;
        _optimizer?.Dispose();
        _optimizer = Optimizer.Create(net.parameters());
        return this;
    }

    /// <summary>Trains the model, as Keras's <c>fit</c>.</summary>
    /// <param name="train">The training images and labels.</param>
    /// <param name="epochs">The epoch to train up to (a resumed run continues to it).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="validation">Images to evaluate after each epoch ("val_…" values); none when null.</param>
    /// <param name="callbacks">Callbacks, called in order.</param>
    /// <param name="augmentation">Augmentation applied to training batches; none when null.</param>
    /// <param name="samplingWeights">Per-image weights for a weighted sampler (e.g. <c>ClassWeights.BalancedSampleWeights(train)</c>); a plain shuffle when null.</param>
    /// <param name="progress">Receives a report after each batch and each epoch.</param>
    /// <param name="cancellationToken">Stops training; the last completed epoch stays in a BackupAndRestore state.</param>
    /// <returns>The results of every epoch.</returns>
    /// <exception cref="FerModelException">The model is not compiled, or the data does not fit the model.</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public History Fit(
        LabeledFaces train,
        int epochs = 1,
        int batchSize = 32,
        LabeledFaces? validation = null,
        IReadOnlyList<Callback>? callbacks = null,
        AugmentationPipeline? augmentation = null,
        IReadOnlyList<double>? samplingWeights = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var use = Use();
        ArgumentNullException.ThrowIfNull(train);
        Guard.Positive(epochs);
        Guard.Positive(batchSize);
        ModelInputs.LabelledData(this, train, nameof(train));
        if (validation is not null)
        {
            ModelInputs.LabelledData(this, validation, nameof(validation));
        }

        if (train.TargetKind == TargetKind.AnyOfLabels && Loss?.EvaluationLoss is not (null or MultiTargetCrossEntropy))
        {
            throw new FerModelException(
                $"Fit: {train.Source} holds multi-target faces (every class with a share above zero is right), which {Loss.EvaluationLoss} would learn as distributions; compile the model with Losses.MultiTarget().");
        }

        if (samplingWeights is not null && samplingWeights.Count != train.Count)
        {
            throw new FerModelException($"Fit: samplingWeights has {samplingWeights.Count} weights but train has {train.Count} images.");
        }

        var optimizer = CompiledOptimizer;
        ClassNames ??= train.ClassNames;
        var history = new Trainer(this, optimizer).Fit(
            train, epochs, batchSize, validation, callbacks?.ToArray() ?? [], augmentation, samplingWeights, progress, cancellationToken);
        Network.eval();
        return history;
    }

    /// <summary>
    /// The compiled loss (the label loss of a distillation; label smoothing and class weights included) and metrics on
    /// <paramref name="data"/>, as Keras's <c>evaluate</c>. <see cref="EmotionClassifier.Evaluate"/> reports the plain
    /// log loss with the full set of metrics instead.
    /// </summary>
    /// <param name="data">Images and labels.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>"loss" and each compiled metric by name.</returns>
    /// <exception cref="FerModelException">The model is not compiled, or the data does not fit the model.</exception>
    public IReadOnlyDictionary<string, double> Evaluate(LabeledFaces data, int batchSize = 256)
    {
        using var use = Use();
        ArgumentNullException.ThrowIfNull(data);
        ModelInputs.LabelledData(this, data, nameof(data));
        _ = CompiledOptimizer;
        var loader = new BatchLoader(data, new BatchLoaderOptions { BatchSize = Guard.Positive(batchSize), Shuffle = false, Normalization = Normalization, Device = TorchDevice, Prefetch = 0 });
        return new Trainer(this, CompiledOptimizer).Evaluate(loader, prefix: "", null, 0, 0, CancellationToken.None);
    }

    /// <summary>Puts the network in training mode (dropout on, batch statistics updated) and returns it; the inference plan is discarded, as the weights will change.</summary>
    internal SequentialNet EnterTrainingMode()
    {
        var net = Network;
        _plan.EnterTraining(net);
        return net;
    }
}
