using static TorchSharp.torch;

namespace Fer.Core.Tests;

/// <summary>The loss against values computed by hand from its formula.</summary>
public sealed class CategoricalCrossEntropyTests
{
    private static readonly float[] Logits = [2f, 0f, -1f, 0.5f, 0.5f, 1f];
    private static readonly float[] Targets = [1f, 0f, 0f, 0f, 0f, 1f];

    private static double[] LogSoftmaxRow(int row)
    {
        var values = Logits.Skip(row * 3).Take(3).Select(v => (double)v).ToArray();
        var log = Math.Log(values.Sum(Math.Exp));
        return values.Select(v => v - log).ToArray();
    }

    [Fact]
    public void Plain_smoothed_and_weighted_losses_match_the_formula()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(Logits, [2, 3]);
        var targets = tensor(Targets, [2, 3]);
        var l0 = LogSoftmaxRow(0);
        var l1 = LogSoftmaxRow(1);

        var plain = (-l0[0] - l1[2]) / 2;
        Assert.Equal(plain, Losses.CategoricalCrossEntropy().Compute(logits, targets, false).item<float>(), 5);

        const double e = 0.3;
        double Smoothed(double[] l, int hot) => -l.Select((v, i) => ((i == hot ? 1 - e : 0) + (e / 3)) * v).Sum();
        Assert.Equal((Smoothed(l0, 0) + Smoothed(l1, 2)) / 2, Losses.CategoricalCrossEntropy(e).Compute(logits, targets, false).item<float>(), 5);

        var weighted = ((2.0 * -l0[0]) + (0.5 * -l1[2])) / 2;
        Assert.Equal(weighted, Losses.CategoricalCrossEntropy(classWeights: [2.0, 1.0, 0.5]).Compute(logits, targets, false).item<float>(), 5);

        var probabilities = nn.functional.softmax(logits, 1);
        Assert.Equal(plain, Losses.CategoricalCrossEntropy().Compute(probabilities, targets, true).item<float>(), 4);
    }

    [Fact]
    public void Weights_for_the_wrong_number_of_classes_are_refused()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<FerModelException>(() => Losses.CategoricalCrossEntropy(classWeights: [1.0, 2.0]).Compute(zeros(2, 3), zeros(2, 3), false));
        Assert.Contains("2 class weights but the model outputs 3 classes", error.Message);
    }
}
