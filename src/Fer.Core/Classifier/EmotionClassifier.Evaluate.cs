using System.Diagnostics;
using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>Evaluation.</summary>
public sealed partial class EmotionClassifier
{
    /// <summary>
    /// Predicts every image of <paramref name="data"/> and measures the predictions against its labels. The data may
    /// name its classes in another order or have classes the classifier lacks, as long as each of the classifier's
    /// classes is one of them by emotion (a FER2013 model on FER+ labels: its seven emotions among FER+'s eight, whose
    /// contempt it never predicts); the report is over the data's classes.
    /// </summary>
    /// <param name="data">Labelled images of the input size.</param>
    /// <returns>A report with accuracy, top-k accuracy, per-class precision / recall / F1, averages, the confusion matrix and loss.</returns>
    /// <exception cref="FerDataException">The data's shape does not match the classifier, or a class of the classifier is none of the data's.</exception>
    public EvaluationReport Evaluate(LabeledFaces data)
    {
        Guard.NotNull(data);
        var columns = ClassMapping(data);
        var clock = Stopwatch.StartNew();
        var predictions = PredictBatch(data);
        var accumulator = new MetricsAccumulator(data.ClassNames);
        double lossSum = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var probabilities = new float[data.ClassNames.Count];
            for (var k = 0; k < columns.Length; k++)
            {
                probabilities[columns[k]] = predictions[i].Probabilities[ClassNames[k]];
            }

            accumulator.Add(data.Labels[i], probabilities);
            lossSum -= Math.Log(Math.Max(probabilities[data.Labels[i]], 1e-7));
        }

        return new EvaluationReport(data.Source, accumulator.Compute(), lossSum / predictions.Count, History ?? SavedHistory(), clock.Elapsed);
    }

    /// <summary>For each of the classifier's classes, the index of the same class among the data's: by name, else by emotion.</summary>
    private int[] ClassMapping(LabeledFaces data)
    {
        var columns = new int[ClassNames.Count];
        for (var k = 0; k < ClassNames.Count; k++)
        {
            var name = ClassNames[k];
            var index = IndexOf(data.ClassNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && Fer.ClassNames.ToEmotion(name) is { } emotion)
            {
                index = IndexOf(data.ClassNames, n => Fer.ClassNames.ToEmotion(n) == emotion);
            }

            if (index < 0)
            {
                throw new FerDataException($"{data.Source} has the classes [{string.Join(", ", data.ClassNames)}], but the classifier predicts [{string.Join(", ", ClassNames)}]: '{name}' is none of them.") { Input = data.Source };
            }

            columns[k] = index;
        }

        if (columns.Distinct().Count() != columns.Length)
        {
            throw new FerDataException($"{data.Source} has the classes [{string.Join(", ", data.ClassNames)}]; two of the classifier's [{string.Join(", ", ClassNames)}] are the same one among them.") { Input = data.Source };
        }

        return columns;
    }

    private static int IndexOf(IReadOnlyList<string> names, Func<string, bool> match)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (match(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private History? SavedHistory()
        => _model.TrainingInfo.TryGetValue(TrainingInfoKeys.History, out var csv) ? Core.History.FromCsv(csv) : null;
}
