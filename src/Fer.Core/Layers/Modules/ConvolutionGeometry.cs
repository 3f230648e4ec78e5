using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// How a <see cref="ConvolutionModule"/> convolves, apart from its weights: the explicit (asymmetric "same") padding
/// applied before the convolution, if any, the stride, the symmetric padding inside the convolution, and the groups of
/// the depthwise step of a separable convolution. Shared by the module's training forward (live weights) and its
/// <see cref="FoldedConvolution"/> (prepared weights), so that both run exactly the same sequence of ops.
/// </summary>
internal sealed class ConvolutionGeometry
{
    private readonly long[]? _explicitPadding;
    private readonly long[] _stride;
    private readonly long[] _innerPadding;
    private readonly long _groups;

    public ConvolutionGeometry(long[]? explicitPadding, long[] stride, long[] innerPadding, long groups)
    {
        _explicitPadding = explicitPadding;
        _stride = stride;
        _innerPadding = innerPadding;
        _groups = groups;
    }

    /// <summary>
    /// Pads <paramref name="input"/> if needed, converts it to channels-last and convolves it: with
    /// <paramref name="depthwise"/> (strided, grouped) then <paramref name="weight"/> (1x1) for a separable convolution,
    /// else with <paramref name="weight"/> alone. The weights should be channels-last already (see
    /// <see cref="ChannelsLast.Of"/>). Intermediate tensors belong to the caller's dispose scope.
    /// </summary>
    public Tensor Apply(Tensor input, Tensor? depthwise, Tensor weight, Tensor? bias)
    {
        var x = ChannelsLast.Of(_explicitPadding is null ? input : nn.functional.pad(input, _explicitPadding));
        if (depthwise is not null)
        {
            x = nn.functional.conv2d(x, depthwise, null, _stride, _innerPadding, groups: _groups);
            return nn.functional.conv2d(x, weight, bias);
        }

        return nn.functional.conv2d(x, weight, bias, _stride, _innerPadding, groups: _groups);
    }
}
