namespace Fer.Core.Tests;

public sealed class OptimizersTests
{
    [Fact]
    public void Each_optimizer_carries_only_its_own_options()
    {
        var adam = Optimizers.Adam(2e-3, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 1e-4);
        Assert.Equal(("Adam", 2e-3, 0.8, 0.99, 1e-6, 1e-4), (adam.Name, adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
        var adamW = Optimizers.AdamW(1e-3, weightDecay: 5e-2);
        Assert.Equal(("AdamW", 5e-2, 0.9), (adamW.Name, adamW.WeightDecay, adamW.Beta1));
        var sgd = Optimizers.Sgd(0.05, momentum: 0.9, nesterov: true, weightDecay: 5e-4);
        Assert.Equal(("SGD", 0.9, true), (sgd.Name, sgd.Momentum, sgd.Nesterov));
        Assert.Equal("SGD(lr=0.05)", sgd.ToString());
    }

    [Fact]
    public void Out_of_range_options_name_the_optimizer_and_the_value()
    {
        Assert.Contains("Adam: beta1 and beta2 must be in [0, 1), but were 1 and 0.999", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Adam(beta1: 1)).Message);
        Assert.Contains("AdamW: epsilon must be a positive finite number, but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.AdamW(epsilon: 0)).Message);
        Assert.Contains("SGD: momentum must be in [0, 1), but was 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Sgd(momentum: 1.5)).Message);
        Assert.Contains("learningRate must be a positive finite number", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Sgd(double.NaN)).Message);
        Assert.Throws<ArgumentException>(() => Optimizers.Sgd(nesterov: true));
    }

    [Fact]
    public void A_label_loss_that_is_a_distillation_is_refused()
    {
        using var teacher = SyntheticFaces.SmallNet(seed: 3);
        var distillation = Losses.DistillFrom(teacher);
        Assert.Contains("cannot be a distillation", Assert.Throws<ArgumentException>(() => Losses.DistillFrom(teacher, labelLoss: distillation)).Message);
        Assert.Same(distillation.LabelLoss, distillation.EvaluationLoss);
        Assert.IsType<CategoricalCrossEntropy>(distillation.LabelLoss);
    }
}
