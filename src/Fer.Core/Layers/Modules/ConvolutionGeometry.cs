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
            var multiplier = depthwise.shape[0] / _groups;
            if (multiplier > 1)
            {
                // Each input channel repeated once per output channel of its group: the same depthwise convolution with
                // one output per group. oneDNN's channels-last depthwise kernel with several outputs per group returns
                // wrong values with AVX-512 (LibTorch 2.10; ConvolutionGeometryTests).
                x = ChannelsLast.Of(x.repeat_interleave(multiplier, 1));
            }

            x = nn.functional.conv2d(x, depthwise, null, _stride, _innerPadding, groups: _groups * multiplier);
            return nn.functional.conv2d(x, weight, bias);
        }

        if (IsStridedPointwise(weight))
        {
            // A 1x1 convolution with stride s reads every s-th pixel: subsampled first, it is the same convolution at
            // stride 1. This keeps it away from oneDNN's strided 1x1 backward-data kernel (brgconv_strided), which
            // writes past its buffer when the input has fewer channels than one SIMD register holds (fewer than 16 with
            // AVX-512, e.g. a residual shortcut from 8 channels; fewer than 8 with AVX2) on an even-sized input: heap
            // corruption, NaN gradients or a crash (docs/benchmarks.md, "oneDNN's instruction set").
            x = ChannelsLast.Of(x.slice(2, 0, x.shape[2], _stride[0]).slice(3, 0, x.shape[3], _stride[1]));
            return nn.functional.conv2d(x, weight, bias, groups: _groups);
        }

        if (NeedsSecondChannel(x, weight))
        {
            // A convolution from one input channel whose input needs a gradient (saliency, or a layer after a one-filter
            // convolution) gets a second, zero channel with zero weights: the same values and gradients, and oneDNN's
            // backward-data kernel for one input channel, which returns wrong input gradients with AVX-512 unless the
            // outputs are a multiple of 16 (LibTorch 2.10; ConvolutionGeometryTests), is never reached.
            x = ChannelsLast.Of(cat([x, zeros_like(x)], 1));
            weight = ChannelsLast.Of(cat([weight, zeros_like(weight)], 1));
        }

        return nn.functional.conv2d(x, weight, bias, _stride, _innerPadding, groups: _groups);
    }

    /// <summary>Whether an ordinary convolution reads one input channel that needs a gradient, with a kernel above 1x1.</summary>
    private bool NeedsSecondChannel(Tensor input, Tensor weight)
        => _groups == 1 && weight.shape[1] == 1 && input.requires_grad && is_grad_enabled() && (weight.shape[2] > 1 || weight.shape[3] > 1);

    /// <summary>Whether the convolution is 1x1, unpadded and strided: the case <see cref="Apply"/> subsamples first.</summary>
    private bool IsStridedPointwise(Tensor weight)
        => weight.shape[2] == 1 && weight.shape[3] == 1 && (_stride[0] > 1 || _stride[1] > 1) && _innerPadding.All(p => p == 0);
}
