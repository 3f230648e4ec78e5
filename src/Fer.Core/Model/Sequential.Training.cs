using System.Diagnostics;
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

    /// <summary>The loss given to <see cref="Compile"/>; null before.</summary>
    public CategoricalCrossEntropy? Loss { get; private set; }

    /// <summary>The knowledge distillation given to <see cref="Compile"/>, if any.</summary>
    public KnowledgeDistillation? Distillation { get; private set; }

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

    internal History? CurrentHistory { get; private set; }

    private OptimizerHelper CompiledOptimizer
        => _optimizer ?? throw new FerModelException("The model is not compiled. Call model.Compile(Optimizers.Adam(), Losses.CategoricalCrossEntropy()) before Fit or Evaluate.");

    /// <summary>Configures training, as Keras's <c>compile</c>.</summary>
    /// <param name="optimizer">Adam with learning rate 0.001 when omitted.</param>
    /// <param name="loss">Categorical cross-entropy when omitted.</param>
    /// <param name="metrics">Metrics to report; accuracy when omitted.</param>
    /// <param name="schedule">An epoch-wise learning-rate schedule; the rate stays as set when omitted.</param>
    /// <param name="distillation">A teacher whose softened predictions the training loss also follows (<see cref="Losses.DistillFrom(Sequential, double, double)"/>); none when omitted.</param>
    /// <returns>This model, for chaining.</returns>
    /// <exception cref="FerModelException">The metrics repeat a name, or the teacher does not fit this model.</exception>
    public Sequential Compile(Optimizer? optimizer = null, CategoricalCrossEntropy? loss = null, IReadOnlyList<TrainingMetric>? metrics = null, LearningRateSchedule? schedule = null, KnowledgeDistillation? distillation = null)
    {
        using var use = Use();
        var net = Network;
        distillation?.CheckCompatible(this);
        Optimizer = optimizer ?? Optimizers.Adam();
        Loss = loss ?? Losses.CategoricalCrossEntropy();
        Metrics = metrics?.ToArray() ?? [TrainingMetric.Accuracy];
        if (Metrics.Select(m => m.Name).Distinct().Count() != Metrics.Count)
        {
            throw new FerModelException($"Compile: the metrics [{string.Join(", ", Metrics)}] name one metric twice.");
        }

        Schedule = schedule;
        Distillation = distillation;
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
        CheckTrainingData(train, nameof(train));
        if (validation is not null)
        {
            CheckTrainingData(validation, nameof(validation));
        }

        if (samplingWeights is not null && samplingWeights.Count != train.Count)
        {
            throw new FerModelException($"Fit: samplingWeights has {samplingWeights.Count} weights but train has {train.Count} images.");
        }

        var optimizer = CompiledOptimizer;
        ClassNames ??= train.ClassNames;
        // On the CPU, LibTorch's thread pool already keeps every core busy with the step, and a background thread
        // augmenting the next batch only competes with it (mini-Xception: 650–775 images/s serial against 475–710 with
        // prefetch, 2 cores). On a GPU the CPU is free, so batches are prepared ahead while the device computes.
        // Augmentation is seeded per epoch and batch, so both give the same batches.
        var loader = new BatchLoader(train, new BatchLoaderOptions
        {
            BatchSize = batchSize, Seed = Seed, Normalization = Normalization, Augmentation = augmentation, Device = TorchDevice, SampleWeights = samplingWeights,
            Prefetch = TorchDevice.type == TorchSharp.DeviceType.CPU ? 0 : 2,
        });
        var callbackList = callbacks?.ToArray() ?? [];
        foreach (var callback in callbackList)
        {
            callback.Attach(this);
        }

        var backup = callbackList.OfType<BackupAndRestore>().FirstOrDefault();
        var history = backup is not null && File.Exists(backup.StatePath) ? RestoreTrainingState(backup.StatePath, callbackList) : new History();
        CurrentHistory = history;
        StopTraining = false;
        foreach (var callback in callbackList)
        {
            callback.OnTrainBegin();
        }

        for (var epoch = history.Epochs.Count + 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Schedule is { } schedule)
            {
                LearningRate = schedule.LearningRateAt(epoch, Optimizer!.LearningRate);
            }

            foreach (var callback in callbackList)
            {
                callback.OnEpochBegin(epoch);
            }

            var logs = RunEpoch(epoch, epochs, loader, validation, batchSize, optimizer, callbackList, progress, cancellationToken);
            history.Add(logs);
            foreach (var callback in callbackList)
            {
                callback.OnEpochEnd(logs);
            }

            progress?.Report(new TrainingProgress(TrainingPhase.EpochEnd, epoch, epochs, loader.BatchCount, loader.BatchCount, logs["loss"], 0, logs));
            if (backup is not null)
            {
                SaveTrainingState(backup.StatePath, history, callbackList);
            }

            if (StopTraining)
            {
                break;
            }
        }

        foreach (var callback in callbackList)
        {
            callback.OnTrainEnd(history);
        }

        // Reaching here means training finished: all epochs ran or a callback stopped it (cancellation throws above).
        if (backup is { DeleteOnFinish: true } && File.Exists(backup.StatePath))
        {
            File.Delete(backup.StatePath);
        }

        Network.eval();
        return history;
    }

    /// <summary>The loss and metrics on <paramref name="data"/>, as Keras's <c>evaluate</c>.</summary>
    /// <param name="data">Images and labels.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>"loss" and each compiled metric by name.</returns>
    /// <exception cref="FerModelException">The model is not compiled, or the data does not fit the model.</exception>
    public IReadOnlyDictionary<string, double> Evaluate(LabeledFaces data, int batchSize = 256)
    {
        using var use = Use();
        ArgumentNullException.ThrowIfNull(data);
        CheckTrainingData(data, nameof(data));
        _ = CompiledOptimizer;
        var loader = new BatchLoader(data, new BatchLoaderOptions { BatchSize = Guard.Positive(batchSize), Shuffle = false, Normalization = Normalization, Device = TorchDevice, Prefetch = 0 });
        return EvaluateBatches(loader, prefix: "", null, 0, 0, CancellationToken.None);
    }

    private EpochLogs RunEpoch(int epoch, int epochs, BatchLoader loader, LabeledFaces? validation, int batchSize, OptimizerHelper optimizer, Callback[] callbacks, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var net = Network;
        DiscardInferencePlan();
        lock (_modeLock)
        {
            net.train();
        }

        random.manual_seed(SeedMixer.MixToInt(Seed, epoch, 0xd209));
        double lossSum = 0;
        long seen = 0;
        var correct = new long[Metrics.Count];
        var learningRate = LearningRate;
        foreach (var batch in loader.Epoch(epoch, cancellationToken))
        {
            using var scope = NewDisposeScope();
            scope.Attach(batch.Images);
            scope.Attach(batch.Targets);
            optimizer.zero_grad();
            var outputs = net.forward(batch.Images);
            var loss = Loss!.Compute(outputs, batch.Targets, OutputsProbabilities);
            if (Distillation is { } distillation)
            {
                loss = distillation.Combine(loss, outputs, OutputsProbabilities, batch.Images);
            }

            loss.backward();
            optimizer.step();
            var lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue))
            {
                throw new FerModelException($"Training diverged: the loss of epoch {epoch}, batch {batch.Index + 1} is {lossValue}. Lower the learning rate or check the data.");
            }

            lossSum += lossValue * batch.Count;
            seen += batch.Count;
            using (no_grad())
            {
                for (var m = 0; m < Metrics.Count; m++)
                {
                    correct[m] += Metrics[m].CountCorrect(outputs, batch.Targets);
                }
            }

            foreach (var callback in callbacks)
            {
                callback.OnBatchEnd(epoch, batch.Index + 1, lossValue);
            }

            progress?.Report(new TrainingProgress(TrainingPhase.Training, epoch, epochs, batch.Index + 1, loader.BatchCount, lossSum / seen, seen / clock.Elapsed.TotalSeconds, null));
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = lossSum / seen };
        for (var m = 0; m < Metrics.Count; m++)
        {
            values[Metrics[m].Name] = (double)correct[m] / seen;
        }

        if (validation is not null)
        {
            var validationLoader = new BatchLoader(validation, new BatchLoaderOptions { BatchSize = InferenceChunkSize(1), Shuffle = false, Normalization = Normalization, Device = TorchDevice, Prefetch = 0 });
            foreach (var kv in EvaluateBatches(validationLoader, "val_", progress, epoch, epochs, cancellationToken))
            {
                values[kv.Key] = kv.Value;
            }
        }

        return new EpochLogs(epoch, values, learningRate, clock.Elapsed);
    }

    private Dictionary<string, double> EvaluateBatches(BatchLoader loader, string prefix, IProgress<TrainingProgress>? progress, int epoch, int epochs, CancellationToken cancellationToken)
    {
        double lossSum = 0;
        long seen = 0;
        var correct = new long[Metrics.Count];
        using (no_grad())
        {
            foreach (var batch in loader.Epoch(0, cancellationToken))
            {
                using var scope = NewDisposeScope();
                scope.Attach(batch.Images);
                scope.Attach(batch.Targets);
                var outputs = ForwardEvaluation(batch.Images);
                lossSum += Loss!.Compute(outputs, batch.Targets, OutputsProbabilities).item<float>() * batch.Count;
                seen += batch.Count;
                for (var m = 0; m < Metrics.Count; m++)
                {
                    correct[m] += Metrics[m].CountCorrect(outputs, batch.Targets);
                }

                progress?.Report(new TrainingProgress(TrainingPhase.Validating, epoch, epochs, batch.Index + 1, loader.BatchCount, lossSum / seen, 0, null));
            }
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [prefix + "loss"] = lossSum / seen };
        for (var m = 0; m < Metrics.Count; m++)
        {
            values[prefix + Metrics[m].Name] = (double)correct[m] / seen;
        }

        return values;
    }

    private void CheckTrainingData(LabeledFaces data, string name)
    {
        CheckInput(data.Shape, $"{name} ({data.Source})");
        if (data.ClassNames.Count != OutputCount)
        {
            throw new FerModelException(
                $"The model outputs (None, {OutputCount}) but {name} has {data.ClassNames.Count} classes ({string.Join(", ", data.ClassNames)}). End the model with Dense({data.ClassNames.Count}).");
        }

        if (ClassNames is { } names && !names.SequenceEqual(data.ClassNames, StringComparer.OrdinalIgnoreCase))
        {
            throw new FerModelException($"The model's classes ({string.Join(", ", names)}) differ from those of {name} ({string.Join(", ", data.ClassNames)}).");
        }
    }
}
