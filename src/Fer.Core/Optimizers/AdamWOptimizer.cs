using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019). Create it with <see cref="Optimizers.AdamW"/>.</summary>
public sealed class AdamWOptimizer : Optimizer
{
    internal AdamWOptimizer(double learningRate, double weightDecay, double beta1, double beta2, double epsilon)
        : base("AdamW", learningRate, weightDecay)
    {
        AdamSettings.Validate(Name, beta1, beta2, epsilon);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>The first-moment decay, in [0, 1).</summary>
    public double Beta1 { get; }

    /// <summary>The second-moment decay, in [0, 1).</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator (1e-7 as in Keras).</summary>
    public double Epsilon { get; }

    internal override OptimizerHelper Create(IEnumerable<Parameter> parameters)
        => new Optimization.AdamW(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
}
