using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>Adam (Kingma and Ba, 2015) with an optional L2 penalty. Create it with <see cref="Optimizers.Adam"/>.</summary>
public sealed class AdamOptimizer : Optimizer
{
    internal AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        : base("Adam", learningRate, weightDecay)
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
        => new Optimization.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
}
