namespace Fer.Core;

/// <summary>
/// What Adam and AdamW share: the decays of the gradient's first and second moment estimates and epsilon
/// (<see cref="AdamOptimizer"/>, <see cref="AdamWOptimizer"/>).
/// </summary>
public abstract class AdaptiveMomentOptimizer : Optimizer
{
    private protected AdaptiveMomentOptimizer(string name, double learningRate, double weightDecay, double beta1, double beta2, double epsilon)
        : base(name, learningRate, weightDecay)
    {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"{name}: beta1 and beta2 must be in [0, 1), but were {beta1} and {beta2}.");
        }

        if (!(epsilon > 0 && double.IsFinite(epsilon)))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"{name}: epsilon must be a positive finite number, but was {epsilon}.");
        }

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
}
