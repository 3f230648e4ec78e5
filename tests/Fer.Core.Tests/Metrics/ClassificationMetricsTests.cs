using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>Metrics against values computed by scikit-learn 1.2.1 (reference_metrics.py beside this file), to 1e-6.</summary>
public sealed class ClassificationMetricsTests
{
    private static readonly int[] Truth = [0, 0, 0, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 6, 0, 3, 4, 2, 6, 3, 0];
    private static readonly int[] Predicted = [0, 2, 0, 3, 2, 2, 4, 2, 3, 3, 3, 6, 3, 3, 4, 2, 6, 5, 5, 6, 6, 0, 6, 0, 3, 4, 2, 6, 2, 6];

    private static readonly float[] Scores = [0.625095f, 0.897214f, 0.775686f, 0.225207f, 0.300166f, 0.873553f, 0.005265f, 0.821228f, 0.797069f, 0.467935f, 0.303032f, 0.278426f, 0.25487f, 0.445076f, 0.504548f, 0.553497f, 0.9955f, 0.792662f, 0.622179f, 0.98896f, 0.215309f, 0.160212f, 0.61254f, 0.043942f, 0.03568f, 0.514889f, 0.466206f, 0.917168f, 0.629226f, 0.514118f, 0.496873f, 0.247515f, 0.011794f, 0.192402f, 0.692032f, 0.200607f, 0.369536f, 0.003734f, 0.830048f, 0.154461f, 0.267599f, 0.880332f, 0.509791f, 0.84715f, 0.639717f, 0.741771f, 0.091496f, 0.541144f, 0.507772f, 0.871339f, 0.361264f, 0.598184f, 0.059252f, 0.387632f, 0.323036f, 0.1502f, 0.816338f, 0.379446f, 0.978748f, 0.589992f, 0.605056f, 0.637997f, 0.67645f, 0.150788f, 0.440313f, 0.239564f, 0.402498f, 0.096704f, 0.967828f, 0.215004f, 0.671765f, 0.30042f, 0.874077f, 0.662215f, 0.131616f, 0.845074f, 0.944948f, 0.903917f, 0.569719f, 0.14546f, 0.192464f, 0.927906f, 0.552327f, 0.180552f, 0.884057f, 0.641572f, 0.569694f, 0.376288f, 0.410955f, 0.239489f, 0.038057f, 0.876219f, 0.46773f, 0.547635f, 0.322163f, 0.751325f, 0.025197f, 0.372185f, 0.03035f, 0.122892f, 0.967148f, 0.657761f, 0.42822f, 0.52374f, 0.872809f, 0.344211f, 0.590291f, 0.683684f, 0.355414f, 0.519098f, 0.765247f, 0.909179f, 0.151062f, 0.933419f, 0.005179f, 0.752977f, 0.810527f, 0.136764f, 0.418904f, 0.815256f, 0.014271f, 0.628462f, 0.793024f, 0.513004f, 0.725849f, 0.226423f, 0.198521f, 0.363127f, 0.179406f, 0.346061f, 0.948124f, 0.573333f, 0.340068f, 0.271525f, 0.952039f, 0.444478f, 0.980395f, 0.515523f, 0.521166f, 0.896541f, 0.742767f, 0.580653f, 0.42665f, 0.878188f, 0.411646f, 0.92276f, 0.068715f, 0.429997f, 0.519515f, 0.950938f, 0.250999f, 0.806039f, 0.676471f, 0.717086f, 0.629622f, 0.971561f, 0.332681f, 0.398276f, 0.202912f, 0.050704f, 0.212908f, 0.915464f, 0.840169f, 0.112406f, 0.603779f, 0.479196f, 0.594685f, 0.659275f, 0.306659f, 0.961351f, 0.46584f, 0.628101f, 0.635226f, 0.183889f, 0.061865f, 0.411517f, 0.76403f, 0.815222f, 0.729989f, 0.113205f, 0.913355f, 0.802037f, 0.877691f, 0.523304f, 0.915635f, 0.046652f, 0.030289f, 0.020216f, 0.252769f, 0.24857f, 0.187503f, 0.567056f, 0.038986f, 0.590388f, 0.166011f, 0.677874f, 0.021075f, 0.31057f, 0.938341f, 0.538396f, 0.811587f, 0.658026f, 0.610751f, 0.191253f, 0.574395f, 0.039686f, 0.801664f, 0.960071f, 0.854009f, 0.05071f, 0.33866f, 0.318003f, 0.112717f, 0.626612f, 0.797458f, 0.313721f, 0.862809f, 0.797127f, 0.129138f, 0.766859f, 0.882621f, 0.197283f, 0.573641f, 0.63875f, 0.609334f, 0.096246f, 0.661191f, 0.631955f, 0.823886f, 0.803513f, 0.327168f, 0.722047f, 0.867273f, 0.892948f, 0.161512f, 0.026702f, 0.650807f, 0.214676f, 0.56371f, 0.944805f, 0.37932f, 0.252775f, 0.45651f, 0.657244f, 0.101099f, 0.380585f, 0.133721f, 0.662446f, 0.830553f, 0.376854f, 0.371724f, 0.539522f, 0.215058f, 0.24741f, 0.329852f, 0.457426f, 0.081531f, 0.752732f, 0.579055f, 0.299694f, 0.077547f, 0.763181f, 0.131079f, 0.133207f, 0.130684f, 0.081262f, 0.906392f, 0.269244f, 0.306411f, 0.832794f, 0.619923f, 0.187143f, 0.434813f, 0.883922f, 0.375374f, 0.710882f, 0.096808f, 0.727325f, 0.776474f, 0.825767f];
    private static readonly int[] ScoreTruth = [5, 4, 2, 2, 5, 0, 1, 3, 6, 5, 5, 1, 1, 1, 5, 3, 1, 5, 4, 6, 3, 0, 6, 1, 0, 5, 3, 4, 0, 5, 2, 6, 4, 6, 5, 5, 0, 5, 4, 2];

    [Fact]
    public void Per_class_averages_and_confusion_match_scikit_learn()
    {
        var accumulator = new MetricsAccumulator(ClassNames.Fer2013);
        for (var i = 0; i < Truth.Length; i++)
        {
            accumulator.Add(Truth[i], Predicted[i]);
        }

        var metrics = accumulator.Compute();
        AssertClose([0.75, 0.0, 0.5714285714, 0.8571428571, 0.6666666667, 1.0, 0.5714285714], metrics.PerClass.Select(m => m.Precision));
        AssertClose([0.6, 0.0, 0.8, 0.75, 0.5, 1.0, 0.8], metrics.PerClass.Select(m => m.Recall));
        AssertClose([0.6666666667, 0.0, 0.6666666667, 0.8, 0.5714285714, 1.0, 0.6666666667], metrics.PerClass.Select(m => m.F1));
        Assert.Equal([5L, 1, 5, 8, 4, 2, 5], metrics.PerClass.Select(m => m.Support));
        AssertClose([0.630952381, 0.6357142857, 0.6244897959], [metrics.MacroAverage.Precision, metrics.MacroAverage.Recall, metrics.MacroAverage.F1]);
        AssertClose([0.6996031746, 0.7, 0.6895238095], [metrics.WeightedAverage.Precision, metrics.WeightedAverage.Recall, metrics.WeightedAverage.F1]);
        AssertClose([0.7, 0.7, 0.7], [metrics.MicroAverage.Precision, metrics.MicroAverage.Recall, metrics.MicroAverage.F1]);
        Assert.Equal(0.7, metrics.Accuracy, 1e-9);
        Assert.Equal(
            [[3L, 0, 1, 0, 0, 0, 1], [0, 0, 0, 1, 0, 0, 0], [0, 0, 4, 0, 1, 0, 0], [0, 0, 1, 6, 0, 0, 1], [0, 0, 1, 0, 2, 0, 1], [0, 0, 0, 0, 0, 2, 0], [1, 0, 0, 0, 0, 0, 4]],
            metrics.ConfusionMatrix.ToArray());
        Assert.Empty(metrics.TopKAccuracy);
        Assert.Equal(0.0, metrics["disgust"].Precision);
    }

    [Fact]
    public void Top_k_accuracy_from_streamed_batches_matches_scikit_learn()
    {
        var accumulator = new MetricsAccumulator(ClassNames.Fer2013);
        for (var start = 0; start < ScoreTruth.Length; start += 16)
        {
            var count = Math.Min(16, ScoreTruth.Length - start);
            accumulator.AddBatch(ScoreTruth[start..(start + count)], Enumerable.Range(start, count).Select(i => Scores[(i * 7)..((i * 7) + 7)]).ToArray());
        }

        var metrics = accumulator.Compute();
        Assert.Equal(0.35, metrics.TopKAccuracy[2], 1e-6);
        Assert.Equal(0.5, metrics.TopKAccuracy[3], 1e-6);
        AssertClose([0.2083333333, 0.1664502165, 0.173015873], [metrics.MacroAverage.Precision, metrics.MacroAverage.Recall, metrics.MacroAverage.F1]);
    }

    [Fact]
    public void Row_normalised_confusion_and_text_report()
    {
        var accumulator = new MetricsAccumulator(ClassNames.Fer2013);
        for (var i = 0; i < Truth.Length; i++)
        {
            accumulator.Add(Truth[i], Predicted[i]);
        }

        var metrics = accumulator.Compute();
        var normalized = metrics.ConfusionMatrix.RowNormalized();
        Assert.Equal(0.6, normalized[0][0], 1e-9);
        Assert.All(normalized, row => Assert.Equal(1.0, row.Sum(), 1e-9));
        var report = metrics.ToString();
        Assert.Contains("   precision     recall   f1-score   support", report);
        Assert.Contains("       angry     0.7500     0.6000     0.6667         5", report);
        Assert.Contains("    accuracy                           0.7000        30", report);
        Assert.Contains("   macro avg     0.6310     0.6357     0.6245        30", report);
        Assert.DoesNotContain("calibration", report);   // class indices carry no confidence
    }

    [Fact]
    public void The_text_report_ends_with_the_calibration_error_of_probabilities()
    {
        var accumulator = new MetricsAccumulator(["a", "b"]);
        accumulator.Add(0, [0.9f, 0.1f]);   // right at 0.9
        accumulator.Add(1, [0.8f, 0.2f]);   // wrong at 0.8
        var metrics = accumulator.Compute();

        // Two bins of one face each: |0.9 - 1| and |0.8 - 0|, weighted 1/2.
        Assert.Equal(0.45, metrics.ExpectedCalibrationError!.Value, 1e-6);
        Assert.EndsWith("expected calibration error: 0.4500\n", metrics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        var accumulator = new MetricsAccumulator(ClassNames.Fer2013);
        Assert.Throws<InvalidOperationException>(() => accumulator.Compute());
        Assert.Contains("[0, 6], but was 7", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(7, 0)).Message);
        Assert.Throws<ArgumentException>(() => accumulator.Add(0, new float[3]));
    }

    private static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual)
    {
        var pairs = expected.Zip(actual).ToArray();
        Assert.Equal(expected.Count(), actual.Count());
        Assert.All(pairs, p => Assert.Equal(p.First, p.Second, 1e-6));
    }
}
