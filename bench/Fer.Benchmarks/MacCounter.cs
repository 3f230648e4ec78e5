using Fer.Core;

namespace Fer.Benchmarks;

/// <summary>Counts the multiply-accumulates of one forward pass (convolutions and dense layers; FLOPs ≈ 2 × MACs).</summary>
internal static class MacCounter
{
    public static long Count(Sequential model)
    {
        var shape = (C: model.InputShape.Channels, H: model.InputShape.Height, W: model.InputShape.Width);
        long total = 0;
        foreach (var layer in model.Layers)
        {
            total += Count(layer, ref shape);
        }

        return total;
    }

    private static long Count(Layer layer, ref (int C, int H, int W) shape)
    {
        switch (layer)
        {
            case Conv2DLayer conv:
            {
                var (h, w) = (Out(shape.H, conv.KernelSize, conv.Stride, conv.Padding), Out(shape.W, conv.KernelSize, conv.Stride, conv.Padding));
                var macs = (long)h * w * conv.Filters * shape.C * conv.KernelSize * conv.KernelSize;
                shape = (conv.Filters, h, w);
                return macs;
            }

            case SeparableConv2DLayer separable:
            {
                var (h, w) = (Out(shape.H, separable.KernelSize, separable.Stride, separable.Padding), Out(shape.W, separable.KernelSize, separable.Stride, separable.Padding));
                var depthwise = (long)h * w * shape.C * separable.DepthMultiplier * separable.KernelSize * separable.KernelSize;
                var pointwise = (long)h * w * shape.C * separable.DepthMultiplier * separable.Filters;
                shape = (separable.Filters, h, w);
                return depthwise + pointwise;
            }

            case Pooling2DLayer pool:
                shape = (shape.C, Out(shape.H, pool.PoolSize, pool.Stride, pool.Padding), Out(shape.W, pool.PoolSize, pool.Stride, pool.Padding));
                return 0;
            case GlobalAveragePooling2DLayer:
                shape = (shape.C, 1, 1);
                return 0;
            case FlattenLayer:
                shape = (shape.C * shape.H * shape.W, 1, 1);
                return 0;
            case DenseLayer dense:
            {
                var macs = (long)shape.C * shape.H * shape.W * dense.Units;
                shape = (dense.Units, 1, 1);
                return macs;
            }

            case ResidualLayer residual:
            {
                var start = shape;
                long macs = 0;
                foreach (var inner in residual.Body)
                {
                    macs += Count(inner, ref shape);
                }

                var shortcut = start;
                foreach (var inner in residual.Shortcut)
                {
                    macs += Count(inner, ref shortcut);
                }

                return macs;
            }

            default:
                return 0;
        }
    }

    private static int Out(int input, int kernel, int stride, Padding padding)
        => padding == Padding.Same ? (input + stride - 1) / stride : ((input - kernel) / stride) + 1;
}
