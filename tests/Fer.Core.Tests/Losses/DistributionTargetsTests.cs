using static TorchSharp.torch;

namespace Fer.Core.Tests;

/// <summary>
/// Losses on FER+'s distribution targets, value and gradient against a hand computation: the cross-entropy's gradient
/// is <c>(softmax(z) − t)/N</c>; the multi-target loss is <c>−log</c> of the most probable accepted class.
/// </summary>
public sealed class DistributionTargetsTests
{
    private static readonly float[] Logits = [2f, 0f, -1f, 0.5f, 0.5f, 1f];

    private static double[] Softmax(int row)
    {
        var values = Logits.Skip(row * 3).Take(3).Select(v => (double)v).ToArray();
        var sum = values.Sum(Math.Exp);
        return values.Select(v => Math.Exp(v) / sum).ToArray();
    }

    private static (float Value, float[] Gradient) ValueAndGradient(Loss loss, float[] targets)
    {
        using var scope = NewDisposeScope();
        var logits = tensor(Logits, [2, 3]).requires_grad_(true);
        var value = loss.Compute(logits, tensor(targets, [2, 3]), false);
        value.backward();
        return (value.item<float>(), logits.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Cross_entropy_on_a_distribution_matches_the_hand_computation()
    {
        float[] targets = [0.5f, 0.5f, 0f, 0f, 0.25f, 0.75f];
        var p0 = Softmax(0);
        var p1 = Softmax(1);
        var expected = (-(0.5 * Math.Log(p0[0])) - (0.5 * Math.Log(p0[1])) - (0.25 * Math.Log(p1[1])) - (0.75 * Math.Log(p1[2]))) / 2;

        var (value, gradient) = ValueAndGradient(Losses.CategoricalCrossEntropy(), targets);

        Assert.Equal(expected, value, 5);
        var hand = p0.Concat(p1).Select((p, i) => (p - targets[i]) / 2).ToArray();
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(hand[i], gradient[i], 5));
    }

    [Fact]
    public void Smoothing_and_class_weights_apply_to_distributions()
    {
        float[] targets = [0.5f, 0.5f, 0f, 0f, 0.25f, 0.75f];
        var p0 = Softmax(0);
        var p1 = Softmax(1);

        // Smoothing ε = 0.3 mixes the distribution with the uniform one: t·0.7 + 0.1.
        double Smoothed(double[] p, int row) => -Enumerable.Range(0, 3).Sum(k => ((targets[(row * 3) + k] * 0.7) + 0.1) * Math.Log(p[k]));
        Assert.Equal((Smoothed(p0, 0) + Smoothed(p1, 1)) / 2, ValueAndGradient(Losses.CategoricalCrossEntropy(0.3), targets).Value, 5);

        // A face's weight is its classes' weights averaged by its distribution: 0.5·2 + 0.5·1 and 0.25·1 + 0.75·0.5.
        double Plain(double[] p, int row) => -Enumerable.Range(0, 3).Sum(k => targets[(row * 3) + k] * Math.Log(p[k]));
        var weighted = ((1.5 * Plain(p0, 0)) + (0.625 * Plain(p1, 1))) / 2;
        Assert.Equal(weighted, ValueAndGradient(Losses.CategoricalCrossEntropy(classWeights: [2.0, 1.0, 0.5]), targets).Value, 5);
    }

    [Fact]
    public void Multi_target_rewards_the_most_probable_accepted_class()
    {
        // Row 0 accepts b and c (b is more probable); row 1 accepts a only.
        float[] targets = [0f, 0.6f, 0.4f, 1f, 0f, 0f];
        var p0 = Softmax(0);
        var p1 = Softmax(1);

        var (value, gradient) = ValueAndGradient(Losses.MultiTarget(), targets);

        Assert.Equal((-Math.Log(p0[1]) - Math.Log(p1[0])) / 2, value, 5);
        double[] winners = [0, 1, 0, 1, 0, 0];
        var hand = p0.Concat(p1).Select((p, i) => (p - winners[i]) / 2).ToArray();
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(hand[i], gradient[i], 5));
    }

    [Fact]
    public void Multi_target_on_one_hot_labels_is_the_cross_entropy_and_epsilon_bounds_it()
    {
        float[] oneHot = [1f, 0f, 0f, 0f, 0f, 1f];
        Assert.Equal(ValueAndGradient(Losses.CategoricalCrossEntropy(), oneHot).Value, ValueAndGradient(Losses.MultiTarget(), oneHot).Value, 5);

        // All probability on a class that is not accepted: −log(ε · p) instead of −log(tiny).
        using var scope = NewDisposeScope();
        var value = Losses.MultiTarget(0.01).Compute(tensor(new[] { 30f, 0f, 0f }, [1, 3]), tensor(new[] { 0f, 1f, 0f }, [1, 3]), false).item<float>();
        Assert.Equal(-Math.Log(0.01), value, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.MultiTarget(0));
        Assert.Equal("MultiTargetCrossEntropy(epsilon=0.001)", Losses.MultiTarget().ToString());
    }
}
