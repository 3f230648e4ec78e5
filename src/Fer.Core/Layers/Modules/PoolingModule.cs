using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Max or average pooling with Keras semantics: "same" padding is ignored by max and excluded from averages.</summary>
internal sealed class PoolingModule : nn.Module<Tensor, Tensor>
{
    private readonly bool _max;
    private readonly long[] _kernel;
    private readonly long[] _stride;
    private readonly SamePadding _padding;
    private readonly NativeMaxPooling? _native;

    /// <param name="max">Max pooling, else average pooling.</param>
    /// <param name="kernel">Window size.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="padding">Keras's padding for this input size.</param>
    /// <param name="inputHeight">Input height the layer was built for.</param>
    /// <param name="inputWidth">Input width the layer was built for.</param>
    public PoolingModule(bool max, int kernel, int stride, SamePadding padding, int inputHeight, int inputWidth)
        : base(max ? "MaxPooling2D" : "AveragePooling2D")
    {
        _max = max;
        _kernel = [kernel, kernel];
        _stride = [stride, stride];
        _padding = padding;
        _native = max && !padding.IsZero ? NativeMaxPooling.For(kernel, stride, padding, inputHeight, inputWidth) : null;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor result;
        if (_padding.IsZero)
        {
            result = _max ? nn.functional.max_pool2d(input, _kernel, _stride) : nn.functional.avg_pool2d(input, _kernel, _stride);
        }
        else if (_max && _native is { } native && input.shape[^2] == native.InputHeight && input.shape[^1] == native.InputWidth)
        {
            // LibTorch's own padding (ignored by max) and ceil mode give Keras's windows without copying a padded input.
            result = nn.functional.max_pool2d(input, _kernel, _stride, native.Padding, ceil_mode: native.CeilMode);
        }
        else if (_max)
        {
            var padded = nn.functional.pad(input, _padding.ToPadArray(), value: double.NegativeInfinity);
            result = nn.functional.max_pool2d(padded, _kernel, _stride);
        }
        else
        {
            var pad = _padding.ToPadArray();
            var sums = nn.functional.avg_pool2d(nn.functional.pad(input, pad), _kernel, _stride);
            var ones = ones_like(input[TensorIndex.Slice(0, 1), TensorIndex.Slice(0, 1)]);
            var counts = nn.functional.avg_pool2d(nn.functional.pad(ones, pad), _kernel, _stride);
            result = sums / counts;
        }

        return result.MoveToOuterDisposeScope();
    }
}
