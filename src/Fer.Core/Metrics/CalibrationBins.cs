namespace Fer.Core;

/// <summary>
/// Confidence histogram for the expected calibration error: predictions binned by their top probability into equal
/// widths over [0, 1], each bin keeping its count, summed confidence and number of correct predictions.
/// </summary>
internal sealed class CalibrationBins
{
    private readonly long[] _counts;
    private readonly double[] _confidence;
    private readonly long[] _correct;

    public CalibrationBins(int bins)
    {
        _counts = new long[bins];
        _confidence = new double[bins];
        _correct = new long[bins];
    }

    /// <summary>Adds one prediction: its top probability (clamped to [0, 1]) and whether it was right.</summary>
    public void Add(double confidence, bool correct)
    {
        var value = double.IsNaN(confidence) ? 0 : Math.Clamp(confidence, 0, 1);
        var bin = Math.Min(_counts.Length - 1, (int)(value * _counts.Length));
        _counts[bin]++;
        _confidence[bin] += value;
        _correct[bin] += correct ? 1 : 0;
    }

    /// <summary>Σ over bins of (bin count / total) × |accuracy in the bin − mean confidence in the bin|; 0 when empty.</summary>
    public double ExpectedCalibrationError()
    {
        var total = _counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var error = 0.0;
        for (var b = 0; b < _counts.Length; b++)
        {
            if (_counts[b] > 0)
            {
                error += (double)_counts[b] / total * Math.Abs(((double)_correct[b] / _counts[b]) - (_confidence[b] / _counts[b]));
            }
        }

        return error;
    }
}
