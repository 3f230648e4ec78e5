namespace Fer.Internal;

/// <summary>
/// Temperature scaling of one probability vector: log-probabilities divided by T, softmax again (zeros floored at
/// 1e-12 so that every class keeps a finite score). Shared by Calibration and by both classifiers, so that the
/// calibrated probabilities are the same number wherever they are computed.
/// </summary>
internal static class TemperatureScaling
{
    /// <summary>The smallest probability taken to the log.</summary>
    private const double Floor = 1e-12;

    /// <summary>Scales <paramref name="probabilities"/> in place; temperature 1 leaves them as they are.</summary>
    public static void Apply(Span<float> probabilities, double temperature)
    {
        if (temperature == 1 || probabilities.IsEmpty)
        {
            return;
        }

        Span<double> scaled = probabilities.Length <= 64 ? stackalloc double[probabilities.Length] : new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < probabilities.Length; i++)
        {
            scaled[i] = Math.Log(Math.Max(probabilities[i], Floor)) / temperature;
            max = Math.Max(max, scaled[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = Math.Exp(scaled[i] - max);
            sum += scaled[i];
        }

        for (var i = 0; i < scaled.Length; i++)
        {
            probabilities[i] = (float)(scaled[i] / sum);
        }
    }
}
