using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fer.Internal;

namespace Fer.Core;

/// <summary>
/// The result of <see cref="EmotionClassifier.Evaluate"/>: metrics, loss and (when known) training history, as text
/// (<see cref="ToString"/>, scikit-learn layout), JSON, CSV, and PNG pictures of the confusion matrix and curves.
/// </summary>
public sealed class EvaluationReport
{
    internal EvaluationReport(string source, ClassificationMetrics metrics, double loss, History? history, TimeSpan duration)
    {
        Source = source;
        Metrics = metrics;
        Loss = loss;
        History = history;
        Duration = duration;
    }

    /// <summary>The data evaluated.</summary>
    public string Source { get; }

    /// <summary>Accuracy, per-class and averaged precision / recall / F1, confusion matrix.</summary>
    public ClassificationMetrics Metrics { get; }

    /// <summary>
    /// Log loss: the mean of −ln(probability given to the true class), probabilities clamped at 1e-7; plain
    /// cross-entropy against the labels, without the label smoothing or class weights a model may have been trained
    /// with, so that reports of different models compare. <see cref="Sequential.Evaluate"/> reports the model's
    /// compiled loss instead.
    /// </summary>
    public double Loss { get; }

    /// <summary>The model's training history, when known (trained in this process, or saved in the model file).</summary>
    public History? History { get; }

    /// <summary>Time the evaluation took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The report as text: a header, the scikit-learn-style classification report and the confusion matrix.</summary>
    public override string ToString()
        => $"Evaluation of {Source}: {Metrics.Count} images, accuracy {Metrics.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture)}, loss {Loss.ToString("0.0000", CultureInfo.InvariantCulture)}\n\n" +
           Metrics + "\nConfusion matrix (rows: true, columns: predicted)\n" + Metrics.ConfusionMatrix;

    /// <summary>The report as indented JSON.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["source"] = Source,
            ["count"] = Metrics.Count,
            ["accuracy"] = Metrics.Accuracy,
            ["loss"] = Loss,
            ["expectedCalibrationError"] = Metrics.ExpectedCalibrationError,
            ["topKAccuracy"] = new JsonObject(Metrics.TopKAccuracy.Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)kv.Value))),
            ["perClass"] = new JsonArray(Metrics.PerClass.Select(m => (JsonNode)new JsonObject
            {
                ["class"] = m.ClassName, ["precision"] = m.Precision, ["recall"] = m.Recall, ["f1"] = m.F1, ["support"] = m.Support,
            }).ToArray()),
            ["macroAverage"] = Average(Metrics.MacroAverage),
            ["weightedAverage"] = Average(Metrics.WeightedAverage),
            ["microAverage"] = Average(Metrics.MicroAverage),
            ["classNames"] = new JsonArray(Metrics.ClassNames.Select(n => (JsonNode)n).ToArray()),
            ["confusionMatrix"] = new JsonArray(Metrics.ConfusionMatrix.ToArray().Select(row => (JsonNode)new JsonArray(row.Select(v => (JsonNode)v).ToArray())).ToArray()),
            ["seconds"] = Duration.TotalSeconds,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Per-class metrics as CSV: class,precision,recall,f1,support, then the three averages.</summary>
    public string ToCsv()
    {
        var builder = new StringBuilder("class,precision,recall,f1,support\n");
        void Row(string name, double p, double r, double f, long s)
            => builder.Append(CultureInfo.InvariantCulture, $"{name},{p:R},{r:R},{f:R},{s}\n");
        foreach (var m in Metrics.PerClass)
        {
            Row(m.ClassName, m.Precision, m.Recall, m.F1, m.Support);
        }

        Row("macro avg", Metrics.MacroAverage.Precision, Metrics.MacroAverage.Recall, Metrics.MacroAverage.F1, Metrics.Count);
        Row("weighted avg", Metrics.WeightedAverage.Precision, Metrics.WeightedAverage.Recall, Metrics.WeightedAverage.F1, Metrics.Count);
        Row("micro avg", Metrics.MicroAverage.Precision, Metrics.MicroAverage.Recall, Metrics.MicroAverage.F1, Metrics.Count);
        return builder.ToString();
    }

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    /// <param name="path">The file.</param>
    public void SaveJson(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Writes <see cref="ToCsv"/> to a file.</summary>
    /// <param name="path">The file.</param>
    public void SaveCsv(string path) => AtomicFile.WriteAllText(path, ToCsv());

    /// <summary>Writes a PNG heat map of the confusion matrix.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="normalized">Show row-normalised rates (recall on the diagonal) instead of counts.</param>
    public void SaveConfusionMatrixPng(string path, bool normalized = true)
    {
        var title = FormattableString.Invariant($"Confusion matrix ({(normalized ? "row-normalised" : "counts")}), accuracy {Metrics.Accuracy:P1}");
        var png = ChartRenderer.ConfusionMatrix(Metrics.ConfusionMatrix, normalized, title);
        AtomicFile.Write(path, s => s.Write(png));
    }

    /// <summary>Writes a PNG of the training curves (loss and accuracy, training and validation, per epoch).</summary>
    /// <param name="path">The PNG file.</param>
    /// <exception cref="InvalidOperationException">The training history is not known for this model.</exception>
    public void SaveTrainingCurvesPng(string path)
    {
        var history = History is { Epochs.Count: > 0 } h
            ? h
            : throw new InvalidOperationException("This report has no training history: the model was neither trained in this process nor saved with its history.");
        var png = ChartRenderer.TrainingCurves(history).Png;
        AtomicFile.Write(path, s => s.Write(png));
    }

    private static JsonObject Average(AverageMetrics a) => new() { ["precision"] = a.Precision, ["recall"] = a.Recall, ["f1"] = a.F1 };
}
