using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Max or average pooling with Keras semantics: "same" padding is ignored by max and excluded from averages.</summary>
internal sealed class PoolingModule : nn.Module<Tensor, Tensor>
{
    private readonly bool _max;
    private readonly long _kernel;
    private readonly long _stride;
    private readonly SamePadding _padding;

    public PoolingModule(bool max, int kernel, int stride, SamePadding padding)
        : base(max ? "MaxPooling2D" : "AveragePooling2D")
    {
        _max = max;
        _kernel = kernel;
        _stride = stride;
        _padding = padding;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor result;
        if (_padding.IsZero)
        {
            result = _max
                ? nn.functional.max_pool2d(input, [_kernel, _kernel], [_stride, _stride])
                : nn.functional.avg_pool2d(input, [_kernel, _kernel], [_stride, _stride]);
        }
        else if (_max)
        {
            var padded = nn.functional.pad(input, _padding.ToPadArray(), value: double.NegativeInfinity);
            result = nn.functional.max_pool2d(padded, [_kernel, _kernel], [_stride, _stride]);
        }
        else
        {
            var pad = _padding.ToPadArray();
            var sums = nn.functional.avg_pool2d(nn.functional.pad(input, pad), [_kernel, _kernel], [_stride, _stride]);
            var ones = ones_like(input[TensorIndex.Slice(0, 1), TensorIndex.Slice(0, 1)]);
            var counts = nn.functional.avg_pool2d(nn.functional.pad(ones, pad), [_kernel, _kernel], [_stride, _stride]);
            result = sums / counts;
        }

        return result.MoveToOuterDisposeScope();
    }
}
