using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>Training.</summary>
public sealed partial class EmotionClassifier
{
    /// <summary>Trains a classifier on <paramref name="data"/> with default options.</summary>
    /// <param name="data">Training images and labels.</param>
    public static EmotionClassifier Train(LabeledFaces data) => Train(data, null);

    /// <summary>
    /// Trains a classifier: builds the architecture (or takes <see cref="TrainingOptions.Model"/>), compiles it with
    /// the options' optimizer, label smoothing and class weighting, and fits it with augmentation, validation and
    /// callbacks.
    /// </summary>
    /// <param name="data">Training images and labels.</param>
    /// <param name="options">Training options; defaults when null.</param>
    /// <param name="progress">Receives a report after each batch and epoch.</param>
    /// <param name="cancellationToken">Stops training (an <see cref="OperationCanceledException"/> is thrown).</param>
    /// <returns>The trained classifier; its <see cref="History"/> holds the per-epoch results.</returns>
    /// <exception cref="ArgumentException">An option is invalid (all problems are listed).</exception>
    /// <exception cref="FerModelException">The data does not fit the model, or the teacher does not fit the student.</exception>
    public static EmotionClassifier Train(LabeledFaces data, TrainingOptions? options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(data);
        options ??= new TrainingOptions();
        options.Validate(data, nameof(options));
        var model = options.Model ?? options.Architecture.Build(data.Shape, data.ClassNames.Count, options.Seed, options.Device);
        try
        {
            var train = data;
            var validation = options.Validation;
            if (validation is null && options.ValidationSplit > 0)
            {
                (train, validation) = data.SplitStratified(options.ValidationSplit, options.Seed);
            }

            var classWeights = options.ClassWeighting switch
            {
                ClassWeighting.InverseFrequency => ClassWeights.InverseFrequency(train),
                ClassWeighting.EffectiveNumber => ClassWeights.EffectiveNumber(train),
                _ => null,
            };
            var samplingWeights = options.ClassWeighting == ClassWeighting.BalancedSampling ? ClassWeights.BalancedSampleWeights(train) : null;
            model.Normalization = options.Normalization;
            model.ClassNames = data.ClassNames;
            if (options.StartFrom is { } trained)
            {
                var fresh = model.TransferWeightsFrom(trained);
                model.TrainingInfo[TrainingInfoKeys.StartedFrom] = $"{(trained.TrainingInfo.TryGetValue(TrainingInfoKeys.Architecture, out var architecture) ? architecture : "a trained model")}, classes [{string.Join(", ", trained.ClassNames!)}]{(fresh.Count > 0 ? $"; new classes [{string.Join(", ", fresh)}]" : "")}";
            }

            Loss labelLoss = Losses.CategoricalCrossEntropy(options.LabelSmoothing, classWeights);
            model.Compile(options.Optimizer ?? Optimizers.Adam(), options.Distillation?.WithLabelLoss(labelLoss) ?? labelLoss, schedule: options.Schedule);
            var augmentation = options.Augmentation ?? Augmentations.Standard(options.Seed);
            var history = model.Fit(train, options.Epochs, options.BatchSize, validation, options.Callbacks, augmentation, samplingWeights, progress, cancellationToken);
            model.TrainingInfo[TrainingInfoKeys.Optimizer] = model.Optimizer!.ToString();
            model.TrainingInfo[TrainingInfoKeys.Loss] = model.Loss!.EvaluationLoss.ToString();
            model.TrainingInfo[TrainingInfoKeys.Augmentation] = augmentation.ToString();
            if (model.Loss is KnowledgeDistillation distillation)
            {
                model.TrainingInfo[TrainingInfoKeys.Distillation] = distillation.ToString();
            }

            model.TrainingInfo[TrainingInfoKeys.Epochs] = history.Epochs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            model.TrainingInfo[TrainingInfoKeys.TrainingImages] = train.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            model.TrainingInfo[TrainingInfoKeys.History] = history.ToCsv();
            return new EmotionClassifier(model, history);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
