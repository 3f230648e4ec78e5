using System.Text.Json.Nodes;
using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>
/// An optimizer's configuration (kind, learning rate, hyper-parameters). Create one with <see cref="Optimizers"/>
/// and pass it to <see cref="Sequential.Compile"/>; the model creates the TorchSharp optimizer from it.
/// </summary>
public sealed class Optimizer
{
    internal Optimizer(string kind, double learningRate, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, double momentum = 0, bool nesterov = false)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"{kind}: learningRate must be a positive finite number, but was {learningRate}.");
        }

        if (!(weightDecay >= 0 && double.IsFinite(weightDecay)))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), $"{kind}: weightDecay must be >= 0, but was {weightDecay}.");
        }

        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"{kind}: beta1 and beta2 must be in [0, 1), but were {beta1} and {beta2}.");
        }

        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"{kind}: momentum must be in [0, 1), but was {momentum}.");
        }

        if (nesterov && momentum == 0)
        {
            throw new ArgumentException($"{kind}: Nesterov momentum needs momentum > 0.", nameof(nesterov));
        }

        Kind = kind;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>"Adam", "AdamW" or "SGD".</summary>
    public string Kind { get; }

    /// <summary>The initial learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>L2 penalty (Adam, SGD) or decoupled weight decay (AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>Adam's first-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>Adam's second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>Adam's epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; }

    /// <summary>Whether SGD uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>The kind and learning rate, e.g. "Adam(lr=0.001)".</summary>
    public override string ToString() => $"{Kind}(lr={LearningRate})";

    internal OptimizerHelper Create(IEnumerable<Parameter> parameters) => Kind switch
    {
        "Adam" => new Optimization.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
        "AdamW" => new Optimization.AdamW(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
        _ => new Optimization.SGD(parameters, LearningRate, Momentum, WeightDecay, Nesterov),
    };

    internal JsonObject ToJson() => new()
    {
        ["kind"] = Kind, ["learningRate"] = LearningRate, ["weightDecay"] = WeightDecay, ["beta1"] = Beta1, ["beta2"] = Beta2,
        ["epsilon"] = Epsilon, ["momentum"] = Momentum, ["nesterov"] = Nesterov,
    };
}
