using System.Diagnostics;
using Fer.Datasets;
using Fer.Datasets.Batching;
using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// The training loop behind <see cref="Sequential.Fit"/> and the evaluation behind <see cref="Sequential.Evaluate"/>:
/// epochs of batches through the compiled loss and optimizer, the learning-rate schedule, validation, the callbacks'
/// hooks (resume included, through <see cref="Callback"/>'s state hooks) and progress reports.
/// </summary>
internal sealed class Trainer
{
    private readonly Sequential _model;
    private readonly OptimizerHelper _optimizer;

    public Trainer(Sequential model, OptimizerHelper optimizer)
    {
        _model = model;
        _optimizer = optimizer;
    }

    public History Fit(LabeledFaces train, int epochs, int batchSize, LabeledFaces? validation, IReadOnlyList<Callback> callbacks,
        AugmentationPipeline? augmentation, IReadOnlyList<double>? samplingWeights, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        // On the CPU, LibTorch's thread pool already keeps every core busy with the step, and a background thread
        // augmenting the next batch only competes with it (mini-Xception: 650–775 images/s serial against 475–710 with
        // prefetch, 2 cores). On a GPU the CPU is free, so batches are prepared ahead while the device computes.
        // Augmentation is seeded per epoch and batch, so both give the same batches.
        var device = _model.TorchDevice;
        var loader = new BatchLoader(train, new BatchLoaderOptions
        {
            BatchSize = batchSize, Seed = _model.Seed, Normalization = _model.Normalization, Augmentation = augmentation, Device = device, SampleWeights = samplingWeights,
            Prefetch = device.type == TorchSharp.DeviceType.CPU ? 0 : 2,
        });
        var session = new TrainingSession(_model, _optimizer, callbacks);
        foreach (var callback in callbacks)
        {
            callback.Attach(session);
        }

        foreach (var callback in callbacks)
        {
            callback.OnResume(session);
        }

        _model.StopTraining = false;
        foreach (var callback in callbacks)
        {
            callback.OnTrainBegin();
        }

        var history = session.History;
        for (var epoch = history.Epochs.Count + 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_model.Schedule is { } schedule)
            {
                _model.LearningRate = schedule.LearningRateAt(epoch, _model.Optimizer!.LearningRate);
            }

            foreach (var callback in callbacks)
            {
                callback.OnEpochBegin(epoch);
            }

            var logs = RunEpoch(epoch, epochs, loader, validation, callbacks, progress, cancellationToken);
            history.Add(logs);
            foreach (var callback in callbacks)
            {
                callback.OnEpochEnd(logs);
            }

            progress?.Report(new TrainingProgress(TrainingPhase.EpochEnd, epoch, epochs, loader.BatchCount, loader.BatchCount, logs["loss"], 0, logs));
            foreach (var callback in callbacks)
            {
                callback.OnEpochCommitted(session);
            }

            if (_model.StopTraining)
            {
                break;
            }
        }

        // Reaching here means training finished: all epochs ran or a callback stopped it (cancellation throws above).
        foreach (var callback in callbacks)
        {
            callback.OnTrainEnd(history);
        }

        return history;
    }

    /// <summary>The compiled loss ("loss", or <paramref name="prefix"/> + "loss") and metrics over <paramref name="loader"/>'s batches.</summary>
    public Dictionary<string, double> Evaluate(BatchLoader loader, string prefix, IProgress<TrainingProgress>? progress, int epoch, int epochs, CancellationToken cancellationToken)
    {
        var metrics = _model.Metrics;
        double lossSum = 0;
        long seen = 0;
        var correct = new long[metrics.Count];
        using (no_grad())
        {
            foreach (var batch in loader.Epoch(0, cancellationToken))
            {
                using var scope = NewDisposeScope();
                scope.Attach(batch.Images);
                scope.Attach(batch.Targets);
                var outputs = _model.ForwardEvaluation(batch.Images);
                lossSum += _model.Loss!.EvaluationLoss.Compute(outputs, batch.Targets, _model.OutputsProbabilities).item<float>() * batch.Count;
                seen += batch.Count;
                for (var m = 0; m < metrics.Count; m++)
                {
                    correct[m] += metrics[m].CountCorrect(outputs, batch.Targets);
                }

                progress?.Report(new TrainingProgress(TrainingPhase.Validating, epoch, epochs, batch.Index + 1, loader.BatchCount, lossSum / seen, 0, null));
            }
        }

        return Results(prefix, lossSum, seen, correct);
    }

    private EpochLogs RunEpoch(int epoch, int epochs, BatchLoader loader, LabeledFaces? validation, IReadOnlyList<Callback> callbacks, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var net = _model.EnterTrainingMode();
        random.manual_seed(SeedMixer.MixToInt(_model.Seed, epoch, 0xd209));
        var metrics = _model.Metrics;
        double lossSum = 0;
        long seen = 0;
        var correct = new long[metrics.Count];
        var learningRate = _model.LearningRate;
        foreach (var batch in loader.Epoch(epoch, cancellationToken))
        {
            using var scope = NewDisposeScope();
            scope.Attach(batch.Images);
            scope.Attach(batch.Targets);
            _optimizer.zero_grad();
            var outputs = net.forward(batch.Images);
            var loss = _model.Loss!.ComputeTraining(outputs, batch.Targets, _model.OutputsProbabilities, batch.Images);

            loss.backward();
            _optimizer.step();
            var lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue))
            {
                throw new FerModelException($"Training diverged: the loss of epoch {epoch}, batch {batch.Index + 1} is {lossValue}. Lower the learning rate or check the data.");
            }

            lossSum += lossValue * batch.Count;
            seen += batch.Count;
            using (no_grad())
            {
                for (var m = 0; m < metrics.Count; m++)
                {
                    correct[m] += metrics[m].CountCorrect(outputs, batch.Targets);
                }
            }

            foreach (var callback in callbacks)
            {
                callback.OnBatchEnd(epoch, batch.Index + 1, lossValue);
            }

            progress?.Report(new TrainingProgress(TrainingPhase.Training, epoch, epochs, batch.Index + 1, loader.BatchCount, lossSum / seen, seen / clock.Elapsed.TotalSeconds, null));
        }

        var values = Results("", lossSum, seen, correct);

        if (validation is not null)
        {
            var validationLoader = new BatchLoader(validation, new BatchLoaderOptions { BatchSize = _model.InferenceChunkSize(1), Shuffle = false, Normalization = _model.Normalization, Device = _model.TorchDevice, Prefetch = 0 });
            foreach (var kv in Evaluate(validationLoader, "val_", progress, epoch, epochs, cancellationToken))
            {
                values[kv.Key] = kv.Value;
            }
        }

        return new EpochLogs(epoch, values, learningRate, clock.Elapsed);
    }

    /// <summary>The mean loss and each compiled metric's share of correct predictions, named with <paramref name="prefix"/> ("val_" for validation).</summary>
    private Dictionary<string, double> Results(string prefix, double lossSum, long seen, long[] correct)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [prefix + "loss"] = lossSum / seen };
        for (var m = 0; m < correct.Length; m++)
        {
            values[prefix + _model.Metrics[m].Name] = (double)correct[m] / seen;
        }

        return values;
    }
}
