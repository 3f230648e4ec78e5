using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one number T that softens (T &gt; 1) or sharpens (T &lt; 1) a model's
/// probabilities, p_c^(1/T) / Σ p^(1/T), fitted on held-out data by minimising the log loss. It changes no prediction
/// (the order of the classes stays), only how confident they are: measure with
/// <see cref="ClassificationMetrics.ExpectedCalibrationError"/> before and after.
/// </summary>
public static class Calibration
{
    /// <summary>The smallest and largest temperature searched.</summary>
    private const double MinTemperature = PredictionDefaults.MinTemperature, MaxTemperature = PredictionDefaults.MaxTemperature;

    /// <summary>The temperature that minimises the mean log loss of <paramref name="probabilities"/> on <paramref name="labels"/>.</summary>
    /// <param name="labels">True class indices, one per row.</param>
    /// <param name="probabilities">One probability row per image (e.g. from <see cref="Sequential.Predict(Fer.Datasets.LabeledFaces, int)"/>), all of one length.</param>
    /// <returns>T in [0.05, 20], to 1e-4 relative.</returns>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, a label outside the classes, or a probability that is negative or not finite.</exception>
    public static double FitTemperature(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        var logs = LogProbabilities(Guard.NotNull(labels), Guard.NotNull(probabilities));
        double Loss(double logTemperature) => MeanLogLoss(logs, labels, Math.Exp(logTemperature));

        // Golden-section search over log T: the log loss of temperature scaling is convex in 1/T, so unimodal here.
        double low = Math.Log(MinTemperature), high = Math.Log(MaxTemperature);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = high - (ratio * (high - low)), b = low + (ratio * (high - low));
        double lossA = Loss(a), lossB = Loss(b);
        while (high - low > 1e-4)
        {
            if (lossA <= lossB)
            {
                (high, b, lossB) = (b, a, lossA);
                a = high - (ratio * (high - low));
                lossA = Loss(a);
            }
            else
            {
                (low, a, lossA) = (a, b, lossB);
                b = low + (ratio * (high - low));
                lossB = Loss(b);
            }
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>The rows rescaled with temperature <paramref name="temperature"/>: p_c^(1/T) / Σ p^(1/T), computed in log space.</summary>
    /// <param name="probabilities">Probability rows.</param>
    /// <param name="temperature">T &gt; 0; 1 leaves the rows as they are.</param>
    /// <exception cref="ArgumentException">A row holds a negative or non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not positive and finite.</exception>
    public static float[][] Apply(IReadOnlyList<float[]> probabilities, double temperature)
    {
        Guard.NotNull(probabilities);
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be positive and finite.");
        }

        return probabilities.Select(row =>
        {
            _ = Logs(row, nameof(probabilities));   // checks the row
            var scaled = (float[])row.Clone();
            TemperatureScaling.Apply(scaled, temperature);
            return scaled;
        }).ToArray();
    }

    private static double[][] LogProbabilities(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        if (probabilities.Count == 0 || labels.Count != probabilities.Count)
        {
            throw new ArgumentException($"FitTemperature needs one label per probability row and at least one row, but got {labels.Count} labels and {probabilities.Count} rows.", nameof(probabilities));
        }

        var classes = probabilities[0]?.Length ?? 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (probabilities[i] is null || probabilities[i].Length != classes || classes == 0)
            {
                throw new ArgumentException($"Probability row {i} has {probabilities[i]?.Length ?? 0} values; every row needs {classes} (one per class).", nameof(probabilities));
            }

            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[i]} of row {i} is outside [0, {classes - 1}].", nameof(labels));
            }
        }

        return probabilities.Select(row => Logs(row, nameof(probabilities))).ToArray();
    }

    /// <summary>Natural logs of a probability row, with zeros floored at 1e-12 so that every class keeps a finite score.</summary>
    private static double[] Logs(float[] row, string name)
    {
        if (row is null || row.Any(p => !(p >= 0) || !float.IsFinite(p)))
        {
            throw new ArgumentException("Probabilities must be finite and not negative.", name);
        }

        return row.Select(p => Math.Log(Math.Max(p, 1e-12))).ToArray();
    }


    private static double MeanLogLoss(double[][] logs, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logs.Length; i++)
        {
            var max = logs[i].Max() / temperature;
            var sum = logs[i].Sum(l => Math.Exp((l / temperature) - max));
            total -= (logs[i][labels[i]] / temperature) - max - Math.Log(sum);
        }

        return total / logs.Length;
    }
}
