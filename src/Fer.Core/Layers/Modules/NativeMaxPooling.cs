namespace Fer.Core;

/// <summary>
/// LibTorch max-pooling arguments (symmetric padding, ceil mode) that select exactly the windows of Keras's "same"
/// padding for one input size, so that no padded copy of the input is made. Keras pads <c>floor(total / 2)</c>
/// before and the rest after; LibTorch pads the same amount before, treats padding as ignored by max, and with ceil
/// mode adds a last window that runs past the end. Both start window <c>i</c> at <c>i * stride - before</c>, so the
/// results agree whenever the window counts do.
/// </summary>
/// <param name="Padding">LibTorch's padding (height, width).</param>
/// <param name="CeilMode">Whether LibTorch rounds the output size up.</param>
/// <param name="InputHeight">The input height these arguments hold for.</param>
/// <param name="InputWidth">The input width these arguments hold for.</param>
internal readonly record struct NativeMaxPooling(long[] Padding, bool CeilMode, int InputHeight, int InputWidth)
{
    /// <summary>The native arguments equivalent to Keras's padding, or null where there are none.</summary>
    public static NativeMaxPooling? For(int kernel, int stride, SamePadding padding, int inputHeight, int inputWidth)
    {
        // LibTorch accepts padding of at most half the kernel.
        if (padding.Top > kernel / 2 || padding.Left > kernel / 2 || padding.Bottom < padding.Top || padding.Right < padding.Left)
        {
            return null;
        }

        var kerasHeight = (inputHeight + padding.Top + padding.Bottom - kernel) / stride + 1;
        var kerasWidth = (inputWidth + padding.Left + padding.Right - kernel) / stride + 1;
        foreach (var ceil in new[] { false, true })
        {
            if (OutputSize(inputHeight, kernel, stride, padding.Top, ceil) == kerasHeight
                && OutputSize(inputWidth, kernel, stride, padding.Left, ceil) == kerasWidth)
            {
                return new NativeMaxPooling([padding.Top, padding.Left], ceil, inputHeight, inputWidth);
            }
        }

        return null;
    }

    /// <summary>LibTorch's pooling output size, ceil mode's rule included: the last window must start inside the input or the leading padding.</summary>
    internal static int OutputSize(int input, int kernel, int stride, int padding, bool ceilMode)
    {
        var span = input + (2 * padding) - kernel;
        var output = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (output - 1) * stride >= input + padding)
        {
            output--;
        }

        return output;
    }
}
