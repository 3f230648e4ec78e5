using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Conv2d (or depthwise + pointwise for separable convolutions) with Keras "same" padding, asymmetric where needed.</summary>
internal sealed class ConvolutionModule : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d? depthwise;
    private readonly Conv2d conv;
    private readonly long[]? _explicitPadding;

    public ConvolutionModule(int inChannels, int filters, int kernel, int stride, SamePadding padding, bool useBias, int? depthMultiplier)
        : base(depthMultiplier is null ? "Conv2D" : "SeparableConv2D")
    {
        var symmetric = padding.IsSymmetric;
        var inner = symmetric ? ((long)padding.Top, (long)padding.Left) : (0L, 0L);
        _explicitPadding = symmetric ? null : padding.ToPadArray();
        if (depthMultiplier is { } multiplier)
        {
            depthwise = nn.Conv2d(inChannels, inChannels * multiplier, (kernel, kernel), stride: (stride, stride), padding: inner, groups: inChannels, bias: false);
            conv = nn.Conv2d(inChannels * multiplier, filters, (1, 1), bias: useBias);
        }
        else
        {
            conv = nn.Conv2d(inChannels, filters, (kernel, kernel), stride: (stride, stride), padding: inner, bias: useBias);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _explicitPadding is null ? input : nn.functional.pad(input, _explicitPadding);
        if (depthwise is not null)
        {
            x = depthwise.forward(x);
        }

        return conv.forward(x).MoveToOuterDisposeScope();
    }
}
