namespace Fer.Core;

/// <summary>The activation functions an <see cref="ActivationLayer"/> (or a residual block) can apply.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>Exponential linear unit with alpha 1.</summary>
    ELU,

    /// <summary>Gaussian error linear unit (exact, erf-based).</summary>
    GELU,

    /// <summary>Softmax over the last dimension (the classes); use it last, to output probabilities.</summary>
    Softmax,

    /// <summary>Leaky ReLU with slope 0.01 for negative inputs.</summary>
    LeakyReLU,
}
