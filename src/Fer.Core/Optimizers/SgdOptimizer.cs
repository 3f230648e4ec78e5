using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum and an L2 penalty. Create it with <see cref="Optimizers.Sgd"/>.</summary>
public sealed class SgdOptimizer : Optimizer
{
    internal SgdOptimizer(double learningRate, double momentum, bool nesterov, double weightDecay)
        : base("SGD", learningRate, weightDecay)
    {
        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD: momentum must be in [0, 1), but was {momentum}.");
        }

        if (nesterov && momentum == 0)
        {
            throw new ArgumentException("SGD: Nesterov momentum needs momentum > 0.", nameof(nesterov));
        }

        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>The momentum, in [0, 1).</summary>
    public double Momentum { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    internal override OptimizerHelper Create(IEnumerable<Parameter> parameters)
        => new Optimization.SGD(parameters, LearningRate, Momentum, WeightDecay, Nesterov);
}
