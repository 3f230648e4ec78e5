using Fer.Internal;

namespace Fer.Core;

/// <summary>
/// Accumulates predictions batch by batch and computes <see cref="ClassificationMetrics"/> at the end, so that
/// metrics over any number of images need memory for the confusion matrix only.
/// </summary>
public sealed class MetricsAccumulator
{
    private readonly long[,] _counts;
    private readonly long[] _topKHits;
    private readonly CalibrationBins _calibration = new(CalibrationBinCount);

    /// <summary>The confidence bins of the expected calibration error (equal widths over [0, 1]), as is common for it.</summary>
    public const int CalibrationBinCount = 15;

    /// <summary>Creates an accumulator for a class list.</summary>
    /// <param name="classNames">The classes; labels and predictions index this list.</param>
    /// <param name="topK">The k values of the top-k accuracies to track (from probabilities); (2, 3) when omitted.</param>
    public MetricsAccumulator(IReadOnlyList<string> classNames, IReadOnlyList<int>? topK = null)
    {
        ClassNames = ModelInputChecks.ClassNameList(Guard.NotNull(classNames), nameof(classNames));
        TopK = (topK ?? [2, 3]).Where(k => k < ClassNames.Count).Distinct().Order().ToArray();
        if (TopK.Any(k => k < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(topK), "top-k values must be at least 1.");
        }

        _counts = new long[ClassNames.Count, ClassNames.Count];
        _topKHits = new long[TopK.Count];
    }

    /// <summary>The classes.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The tracked top-k values.</summary>
    public IReadOnlyList<int> TopK { get; }

    /// <summary>Images added so far.</summary>
    public long Count { get; private set; }

    private bool _probabilitiesEverywhere = true;

    /// <summary>Adds one image by its true and predicted class (top-k accuracies then become unavailable).</summary>
    /// <param name="actual">The true class index.</param>
    /// <param name="predicted">The predicted class index.</param>
    public void Add(int actual, int predicted)
    {
        CheckIndex(actual, nameof(actual));
        CheckIndex(predicted, nameof(predicted));
        _counts[actual, predicted]++;
        _probabilitiesEverywhere = false;
        Count++;
    }

    /// <summary>Adds one image by its true class and predicted probabilities (or scores); the largest wins, ties to the lower index.</summary>
    /// <param name="actual">The true class index.</param>
    /// <param name="probabilities">One value per class.</param>
    public void Add(int actual, ReadOnlySpan<float> probabilities)
    {
        CheckIndex(actual, nameof(actual));
        if (probabilities.Length != ClassNames.Count)
        {
            throw new ArgumentException($"probabilities has {probabilities.Length} values but there are {ClassNames.Count} classes.", nameof(probabilities));
        }

        var predicted = 0;
        var higher = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[predicted])
            {
                predicted = c;
            }

            if (probabilities[c] > probabilities[actual] || (probabilities[c] == probabilities[actual] && c < actual))
            {
                higher++;
            }
        }

        for (var i = 0; i < TopK.Count; i++)
        {
            if (higher < TopK[i])
            {
                _topKHits[i]++;
            }
        }

        _calibration.Add(probabilities[predicted], predicted == actual);
        _counts[actual, predicted]++;
        Count++;
    }

    /// <summary>Adds a batch: true labels and one probability row per image.</summary>
    /// <param name="actual">True class indices.</param>
    /// <param name="probabilities">One row per image.</param>
    public void AddBatch(IReadOnlyList<int> actual, IReadOnlyList<float[]> probabilities)
    {
        Guard.NotNull(actual);
        Guard.NotNull(probabilities);
        if (actual.Count != probabilities.Count)
        {
            throw new ArgumentException($"{actual.Count} labels but {probabilities.Count} probability rows.", nameof(probabilities));
        }

        for (var i = 0; i < actual.Count; i++)
        {
            Add(actual[i], probabilities[i]);
        }
    }

    /// <summary>Computes the metrics of everything added.</summary>
    /// <exception cref="InvalidOperationException">Nothing was added.</exception>
    public ClassificationMetrics Compute()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No predictions were added; metrics of an empty set are undefined.");
        }

        var topK = _probabilitiesEverywhere
            ? TopK.Select((k, i) => (k, (double)_topKHits[i] / Count)).ToDictionary(t => t.k, t => t.Item2)
            : [];
        return new ClassificationMetrics(ClassNames, (long[,])_counts.Clone(), topK, _probabilitiesEverywhere ? _calibration.ExpectedCalibrationError() : null);
    }

    private void CheckIndex(int index, string name)
    {
        if ((uint)index >= (uint)ClassNames.Count)
        {
            throw new ArgumentOutOfRangeException(name, index, $"{name} must be a class index in [0, {ClassNames.Count - 1}], but was {index}.");
        }
    }
}
