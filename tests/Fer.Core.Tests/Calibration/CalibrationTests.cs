namespace Fer.Core.Tests;

public sealed class CalibrationTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    [Fact]
    public void The_expected_calibration_error_is_the_weighted_gap_between_confidence_and_accuracy()
    {
        var metrics = new MetricsAccumulator(Classes);
        // Four predictions at confidence 0.9 (bin 13 of 15), three right: gap 0.15. Two at 0.5 (bin 7), both right: gap 0.5.
        metrics.AddBatch([0, 0, 0, 1, 2, 2], [[0.9f, 0.05f, 0.05f], [0.9f, 0.05f, 0.05f], [0.9f, 0.05f, 0.05f], [0.9f, 0.05f, 0.05f], [0.25f, 0.25f, 0.5f], [0.25f, 0.25f, 0.5f]]);
        Assert.Equal((4.0 / 6 * 0.15) + (2.0 / 6 * 0.5), metrics.Compute().ExpectedCalibrationError!.Value, 1e-6);

        var byIndex = new MetricsAccumulator(Classes);
        byIndex.Add(0, 0);
        Assert.Null(byIndex.Compute().ExpectedCalibrationError);
    }

    [Fact]
    public void An_overconfident_model_gets_back_its_temperature_and_a_smaller_calibration_error()
    {
        // Labels drawn from softmax(z); the model reports softmax(3 z): three times too sharp.
        var random = new Random(3);
        var labels = new List<int>();
        var overconfident = new List<float[]>();
        for (var i = 0; i < 20_000; i++)
        {
            var z = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2).ToArray();
            var truth = Softmax(z, 1);
            var u = random.NextDouble();
            labels.Add(u < truth[0] ? 0 : u < truth[0] + truth[1] ? 1 : 2);
            overconfident.Add(Softmax(z, 3).Select(p => (float)p).ToArray());
        }

        var temperature = Calibration.FitTemperature(labels, overconfident);
        Assert.InRange(temperature, 2.7, 3.3);
        var before = Ece(labels, overconfident);
        var after = Ece(labels, Calibration.Apply(overconfident, temperature));
        Assert.True(after < before / 3, $"ECE {before:0.000} -> {after:0.000}");
        Assert.Equal(overconfident[0], Calibration.Apply(overconfident, 1)[0], (x, y) => Math.Abs(x - y) < 1e-6);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_argument_family()
    {
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([], []));
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([0, 1], [[1f, 0f]]));
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([5], [[0.5f, 0.5f]]));
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([0], [[float.NaN, 0.5f]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Apply([[0.5f, 0.5f]], 0));
    }

    private static double Ece(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        var metrics = new MetricsAccumulator(Classes);
        metrics.AddBatch(labels, probabilities);
        return metrics.Compute().ExpectedCalibrationError!.Value;
    }

    private static double[] Softmax(double[] z, double scale)
    {
        var e = z.Select(v => Math.Exp(v * scale)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }
}
