using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A <see cref="ConvolutionModule"/> prepared for evaluation: its weights copied once into the channels-last layout
/// and, when a batch norm follows it, that batch norm's scale and shift folded into the (last) convolution's weights
/// and bias. One forward pass then runs one or two convolution ops and copies no weights.
/// </summary>
internal sealed class FoldedConvolution : IDisposable
{
    private readonly Tensor? _depthwise;
    private readonly Tensor _weight;
    private readonly Tensor? _bias;
    private readonly ConvolutionGeometry _geometry;

    internal FoldedConvolution(Tensor? depthwise, Tensor weight, Tensor? bias, ConvolutionGeometry geometry)
    {
        _depthwise = depthwise;
        _weight = weight;
        _bias = bias;
        _geometry = geometry;
    }

    /// <summary>
    /// The weights and bias of a convolution followed by an evaluation-mode batch norm:
    /// <c>w' = w · γ / √(σ² + ε)</c> per output channel, <c>b' = (b − μ) · γ / √(σ² + ε) + β</c>.
    /// Call under no_grad; the results are new tensors.
    /// </summary>
    internal static (Tensor Weight, Tensor Bias) FoldBatchNorm(Tensor weight, Tensor? bias, BatchNormModule batchNorm)
    {
        var scale = batchNorm.running_var!.Plus(batchNorm.eps).rsqrt();
        if (batchNorm.weight is { } gamma)
        {
            scale = scale.mul(gamma);
        }

        var shift = (bias is null ? batchNorm.running_mean!.neg() : bias.sub(batchNorm.running_mean!)).mul(scale);
        if (batchNorm.bias is { } beta)
        {
            shift = shift.Plus(beta);
        }

        return (weight.mul(scale.view(-1, 1, 1, 1)), shift);
    }

    /// <summary>The convolution (and folded batch norm) of <paramref name="input"/>, channels-last.</summary>
    public Tensor Forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _geometry.Apply(input, _depthwise, _weight, _bias).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the prepared weights (the model's own parameters are untouched).</summary>
    public void Dispose()
    {
        _depthwise?.Dispose();
        _weight.Dispose();
        _bias?.Dispose();
    }
}
