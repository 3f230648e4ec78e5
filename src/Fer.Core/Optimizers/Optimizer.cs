using Fer.Internal;
using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>
/// An optimizer's configuration: the learning rate and weight decay every optimizer has, and in each subclass
/// (<see cref="AdamOptimizer"/>, <see cref="AdamWOptimizer"/>, <see cref="SgdOptimizer"/>) only that optimizer's own
/// options. Create one with <see cref="Optimizers"/> and pass it to <see cref="Sequential.Compile"/>; the model
/// creates the TorchSharp optimizer from it.
/// </summary>
public abstract class Optimizer
{
    private protected Optimizer(string name, double learningRate, double weightDecay)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"{name}: learningRate must be a positive finite number, but was {learningRate}.");
        }

        if (!(weightDecay >= 0 && double.IsFinite(weightDecay)))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), $"{name}: weightDecay must be >= 0, but was {weightDecay}.");
        }

        Name = name;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>"Adam", "AdamW" or "SGD".</summary>
    public string Name { get; }

    /// <summary>The initial learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>L2 penalty added to the gradients (Adam, SGD) or decoupled weight decay (AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>The name and learning rate, e.g. "Adam(lr=0.001)".</summary>
    public override string ToString() => $"{Name}(lr={LearningRate})";

    /// <summary>The TorchSharp optimizer over <paramref name="parameters"/>.</summary>
    internal abstract OptimizerHelper Create(IEnumerable<Parameter> parameters);
}
