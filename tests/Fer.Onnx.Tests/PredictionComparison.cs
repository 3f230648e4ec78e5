using Fer.Core;

namespace Fer.Onnx.Tests;

/// <summary>Compares predictions of the two classifiers class by class.</summary>
internal static class PredictionComparison
{
    public const double Tolerance = 1e-5;

    public static double MaxDifference(IReadOnlyList<EmotionPrediction> expected, IReadOnlyList<EmotionPrediction> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        return expected.Zip(actual).Max(pair => MaxDifference(pair.First, pair.Second));
    }

    public static double MaxDifference(EmotionPrediction expected, EmotionPrediction actual)
    {
        Assert.Equal(expected.Probabilities.Keys, actual.Probabilities.Keys);
        return expected.Probabilities.Max(kv => Math.Abs(kv.Value - actual.Probabilities[kv.Key]));
    }

    public static void AssertSame(IReadOnlyList<EmotionPrediction> expected, IReadOnlyList<EmotionPrediction> actual)
        => Assert.InRange(MaxDifference(expected, actual), 0, Tolerance);

    public static void AssertSame(EmotionPrediction expected, EmotionPrediction actual)
        => Assert.InRange(MaxDifference(expected, actual), 0, Tolerance);
}
