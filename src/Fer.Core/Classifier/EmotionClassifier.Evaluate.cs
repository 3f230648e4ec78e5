using System.Diagnostics;
using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>Evaluation.</summary>
public sealed partial class EmotionClassifier
{
    /// <summary>Predicts every image of <paramref name="data"/> and measures the predictions against its labels.</summary>
    /// <param name="data">Labelled images of the input size, with the classifier's classes.</param>
    /// <returns>A report with accuracy, top-k accuracy, per-class precision / recall / F1, averages, the confusion matrix and loss.</returns>
    /// <exception cref="FerDataException">The data's shape or classes do not match the classifier.</exception>
    public EvaluationReport Evaluate(LabeledFaces data)
    {
        Guard.NotNull(data);
        if (!data.ClassNames.SequenceEqual(ClassNames, StringComparer.OrdinalIgnoreCase))
        {
            throw new FerDataException($"{data.Source} has the classes [{string.Join(", ", data.ClassNames)}], but the classifier predicts [{string.Join(", ", ClassNames)}].") { Input = data.Source };
        }

        var clock = Stopwatch.StartNew();
        var predictions = PredictBatch(data);
        var accumulator = new MetricsAccumulator(ClassNames);
        double lossSum = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var probabilities = ClassNames.Select(n => predictions[i].Probabilities[n]).ToArray();
            accumulator.Add(data.Labels[i], probabilities);
            lossSum -= Math.Log(Math.Max(probabilities[data.Labels[i]], 1e-7));
        }

        return new EvaluationReport(data.Source, accumulator.Compute(), lossSum / predictions.Count, History ?? SavedHistory(), clock.Elapsed);
    }

    private History? SavedHistory()
        => _model.TrainingInfo.TryGetValue("history", out var csv) ? Core.History.FromCsv(csv) : null;
}
