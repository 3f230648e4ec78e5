using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Conv2d (or depthwise + pointwise for separable convolutions) with Keras "same" padding, asymmetric where needed.
/// Runs in the channels-last memory layout (see <see cref="ChannelsLast"/>); the parameters keep LibTorch's default
/// layout, so saved models and gradients are unchanged.
/// </summary>
internal sealed class ConvolutionModule : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d? depthwise;
    private readonly Conv2d conv;
    private readonly ConvolutionGeometry _geometry;

    public ConvolutionModule(int inChannels, int filters, int kernel, int stride, SamePadding padding, bool useBias, int? depthMultiplier)
        : base(depthMultiplier is null ? "Conv2D" : "SeparableConv2D")
    {
        var symmetric = padding.IsSymmetric;
        var inner = symmetric ? ((long)padding.Top, (long)padding.Left) : (0L, 0L);
        if (depthMultiplier is { } multiplier)
        {
            depthwise = nn.Conv2d(inChannels, inChannels * multiplier, (kernel, kernel), stride: (stride, stride), padding: inner, groups: inChannels, bias: false);
            conv = nn.Conv2d(inChannels * multiplier, filters, (1, 1), bias: useBias);
        }
        else
        {
            conv = nn.Conv2d(inChannels, filters, (kernel, kernel), stride: (stride, stride), padding: inner, bias: useBias);
        }

        _geometry = new ConvolutionGeometry(
            explicitPadding: symmetric ? null : padding.ToPadArray(),
            stride: [stride, stride],
            innerPadding: [inner.Item1, inner.Item2],
            groups: depthwise is null ? 1 : inChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var depthwiseWeight = depthwise is null ? null : ChannelsLast.Of(depthwise.weight!);
        return _geometry.Apply(input, depthwiseWeight, ChannelsLast.Of(conv.weight!), conv.bias).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// This convolution prepared for evaluation with its current weights, with <paramref name="batchNorm"/> (the
    /// evaluation-mode batch norm that follows it, if any) folded in. Call under no_grad; the result owns copies, so
    /// later training does not change it.
    /// </summary>
    internal FoldedConvolution Fold(BatchNormModule? batchNorm)
    {
        using var scope = NewDisposeScope();
        var (weight, bias) = batchNorm is null
            ? (conv.weight!.detach().clone(), conv.bias?.detach().clone())
            : FoldedConvolution.FoldBatchNorm(conv.weight!.detach(), conv.bias?.detach(), batchNorm);
        var depthwiseWeight = depthwise is null ? null : ChannelsLast.Of(depthwise.weight!.detach().clone()).DetachFromDisposeScope();
        return new FoldedConvolution(
            depthwiseWeight,
            ChannelsLast.Of(weight).DetachFromDisposeScope(),
            bias?.DetachFromDisposeScope(),
            _geometry);
    }
}
