using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>Adam (Kingma and Ba, 2015) with an optional L2 penalty. Create it with <see cref="Optimizers.Adam"/>.</summary>
public sealed class AdamOptimizer : AdaptiveMomentOptimizer
{
    internal AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        : base("Adam", learningRate, weightDecay, beta1, beta2, epsilon)
    {
    }

    internal override OptimizerHelper Create(IEnumerable<Parameter> parameters)
        => new Optimization.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
}
