namespace Fer.Core;

/// <summary>Creates optimizer configurations for <see cref="Sequential.Compile"/>.</summary>
public static class Optimizers
{
    /// <summary>Adam (Kingma and Ba), the default, as in the original FER2013 work. Epsilon 1e-7 as in Keras.</summary>
    /// <param name="learningRate">Initial learning rate.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    /// <param name="epsilon">Added to the denominator.</param>
    /// <param name="weightDecay">L2 penalty added to the gradients.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static AdamOptimizer Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, double weightDecay = 0)
        => new(learningRate, beta1, beta2, epsilon, weightDecay);

    /// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter).</summary>
    /// <param name="learningRate">Initial learning rate.</param>
    /// <param name="weightDecay">Decoupled weight decay.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    /// <param name="epsilon">Added to the denominator.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static AdamWOptimizer AdamW(double learningRate = 1e-3, double weightDecay = 1e-2, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
        => new(learningRate, weightDecay, beta1, beta2, epsilon);

    /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum.</summary>
    /// <param name="learningRate">Initial learning rate.</param>
    /// <param name="momentum">Momentum in [0, 1).</param>
    /// <param name="nesterov">Whether to use Nesterov momentum (needs momentum > 0).</param>
    /// <param name="weightDecay">L2 penalty added to the gradients.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    /// <exception cref="ArgumentException">Nesterov momentum without momentum.</exception>
    public static SgdOptimizer Sgd(double learningRate = 1e-2, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        => new(learningRate, momentum, nesterov, weightDecay);
}
