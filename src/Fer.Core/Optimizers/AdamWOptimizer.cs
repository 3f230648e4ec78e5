using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019). Create it with <see cref="Optimizers.AdamW"/>.</summary>
public sealed class AdamWOptimizer : AdaptiveMomentOptimizer
{
    internal AdamWOptimizer(double learningRate, double weightDecay, double beta1, double beta2, double epsilon)
        : base("AdamW", learningRate, weightDecay, beta1, beta2, epsilon)
    {
    }

    internal override OptimizerHelper Create(IEnumerable<Parameter> parameters)
        => new Optimization.AdamW(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
}
