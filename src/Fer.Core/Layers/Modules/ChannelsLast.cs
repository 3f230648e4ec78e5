using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// The channels-last memory layout (NHWC in memory, NCHW in shape), which LibTorch's oneDNN convolutions run much
/// faster than the default layout on small FER2013 feature maps, in inference and in training (figures, machine and
/// date in docs/benchmarks.md).
/// TorchSharp 0.107 has no memory-format argument, so the layout is made from strides: a permuted contiguous copy,
/// permuted back. Batch norm, ReLU, pooling and additions keep the layout; shapes and values are unchanged.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>
    /// <paramref name="tensor"/> itself when it is not 4-D or already channels-last (no copy), else a channels-last copy
    /// with the same shape and values.
    /// </summary>
    public static Tensor Of(Tensor tensor)
    {
        if (tensor.dim() != 4 || Is(tensor))
        {
            return tensor;
        }

        return tensor.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }

    /// <summary>
    /// Whether the tensor's strides are those of a dense channels-last layout. A one-channel tensor counts as such:
    /// its memory is the same in both layouts (LibTorch treats it as the default layout, and its convolution then
    /// returns the default layout, which the next convolution converts).
    /// </summary>
    public static bool Is(Tensor tensor)
    {
        if (tensor.dim() != 4)
        {
            return false;
        }

        var shape = tensor.shape;
        var strides = tensor.stride();
        var (channels, height, width) = (shape[1], shape[2], shape[3]);
        return (channels == 1 || strides[1] == 1)
            && (width == 1 || strides[3] == channels)
            && (height == 1 || strides[2] == channels * width)
            && (shape[0] == 1 || strides[0] == channels * width * height);
    }
}
