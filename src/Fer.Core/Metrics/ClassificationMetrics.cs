using System.Globalization;
using System.Text;

namespace Fer.Core;

/// <summary>
/// Accuracy, top-k accuracy, per-class precision / recall / F1 / support, macro, weighted and micro averages and
/// the confusion matrix. Zero division gives 0, as scikit-learn's <c>zero_division=0</c>: a class never predicted
/// has precision 0, a class with no images has recall 0, and F1 is 0 when precision and recall are both 0.
/// Macro and weighted averages run over every class of the class list.
/// </summary>
public sealed class ClassificationMetrics
{
    internal ClassificationMetrics(IReadOnlyList<string> classNames, long[,] counts, IReadOnlyDictionary<int, double> topK, double? expectedCalibrationError = null)
    {
        ExpectedCalibrationError = expectedCalibrationError;
        ConfusionMatrix = new ConfusionMatrix(classNames, counts);
        TopKAccuracy = topK;
        var k = classNames.Count;
        var total = 0L;
        var correct = 0L;
        var perClass = new List<ClassMetrics>(k);
        for (var c = 0; c < k; c++)
        {
            long truePositive = counts[c, c], support = 0, predicted = 0;
            for (var o = 0; o < k; o++)
            {
                support += counts[c, o];
                predicted += counts[o, c];
            }

            total += support;
            correct += truePositive;
            var precision = predicted == 0 ? 0 : (double)truePositive / predicted;
            var recall = support == 0 ? 0 : (double)truePositive / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classNames[c], precision, recall, f1, support));
        }

        PerClass = perClass;
        Count = total;
        Accuracy = (double)correct / total;
        MacroAverage = new AverageMetrics(perClass.Average(m => m.Precision), perClass.Average(m => m.Recall), perClass.Average(m => m.F1), total);
        WeightedAverage = new AverageMetrics(
            perClass.Sum(m => m.Precision * m.Support) / total,
            perClass.Sum(m => m.Recall * m.Support) / total,
            perClass.Sum(m => m.F1 * m.Support) / total,
            total);
        MicroAverage = new AverageMetrics(Accuracy, Accuracy, Accuracy, total);
    }

    /// <summary>The classes.</summary>
    public IReadOnlyList<string> ClassNames => ConfusionMatrix.ClassNames;

    /// <summary>Images evaluated.</summary>
    public long Count { get; }

    /// <summary>Share of images whose predicted class is the true one.</summary>
    public double Accuracy { get; }

    /// <summary>Top-k accuracy by k (when probabilities were given).</summary>
    public IReadOnlyDictionary<int, double> TopKAccuracy { get; }

    /// <summary>
    /// Expected calibration error of the top probability (<see cref="MetricsAccumulator.CalibrationBinCount"/> equal-width
    /// bins): how far, on average over images, the predicted confidence is from the accuracy of predictions that
    /// confident; 0 is perfectly calibrated. Null when predictions were given as class indices, not probabilities.
    /// </summary>
    public double? ExpectedCalibrationError { get; }

    /// <summary>Metrics of each class, in class order.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>Unweighted mean over classes.</summary>
    public AverageMetrics MacroAverage { get; }

    /// <summary>Mean over classes weighted by support.</summary>
    public AverageMetrics WeightedAverage { get; }

    /// <summary>Metrics of the pooled counts; for single-label classification all three equal the accuracy.</summary>
    public AverageMetrics MicroAverage { get; }

    /// <summary>The confusion matrix.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>Metrics of one class by name (case-insensitive).</summary>
    /// <param name="className">e.g. "disgust".</param>
    public ClassMetrics this[string className]
        => PerClass.FirstOrDefault(m => string.Equals(m.ClassName, className, StringComparison.OrdinalIgnoreCase))
           ?? throw new KeyNotFoundException($"No class '{className}'; the classes are {string.Join(", ", ClassNames)}.");

    /// <summary>
    /// A text report laid out like scikit-learn's <c>classification_report</c> (4 digits), followed by the top-k
    /// accuracies and the expected calibration error when probabilities were given.
    /// </summary>
    public override string ToString()
    {
        var width = Math.Max(12, ClassNames.Max(n => n.Length));
        var builder = new StringBuilder();
        string Row(string name, double? p, double? r, double f, long support)
            => name.PadLeft(width) + Cell(p) + Cell(r) + Cell(f) + support.ToString(CultureInfo.InvariantCulture).PadLeft(10) + "\n";
        static string Cell(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(11) : new string(' ', 11);

        builder.Append(new string(' ', width)).Append("  precision").Append("     recall").Append("   f1-score").Append("   support\n\n");
        foreach (var m in PerClass)
        {
            builder.Append(Row(m.ClassName, m.Precision, m.Recall, m.F1, m.Support));
        }

        builder.Append('\n');
        builder.Append(Row("accuracy", null, null, Accuracy, Count));
        builder.Append(Row("macro avg", MacroAverage.Precision, MacroAverage.Recall, MacroAverage.F1, Count));
        builder.Append(Row("weighted avg", WeightedAverage.Precision, WeightedAverage.Recall, WeightedAverage.F1, Count));
        foreach (var (k, value) in TopKAccuracy.OrderBy(kv => kv.Key))
        {
            builder.Append(CultureInfo.InvariantCulture, $"\ntop-{k} accuracy: {value:0.0000}");
        }

        if (ExpectedCalibrationError is { } ece)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\nexpected calibration error: {ece:0.0000}");
        }

        return builder.ToString().TrimEnd() + "\n";
    }
}
