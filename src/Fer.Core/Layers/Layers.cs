namespace Fer.Core;

/// <summary>Creates the layers of a <see cref="Sequential"/> model, with Keras's names and defaults.</summary>
public static class Layers
{
    /// <summary>A 2-D convolution (Keras Conv2D).</summary>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernel">Side of the square kernel.</param>
    /// <param name="stride">Step of the kernel.</param>
    /// <param name="padding">Same (output = input / stride) or valid (no padding, the default as in Keras).</param>
    /// <param name="useBias">Whether to add a bias; leave it off before BatchNorm.</param>
    public static Conv2DLayer Conv2D(int filters, int kernel = 3, int stride = 1, Padding padding = Padding.Valid, bool useBias = true)
        => new(filters, kernel, stride, padding, useBias);

    /// <summary>A depthwise-separable convolution (Keras SeparableConv2D).</summary>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernel">Side of the square depthwise kernel.</param>
    /// <param name="stride">Step of the depthwise kernel.</param>
    /// <param name="padding">Same or valid (the default).</param>
    /// <param name="depthMultiplier">Depthwise output channels per input channel.</param>
    /// <param name="useBias">Whether the pointwise convolution adds a bias.</param>
    public static SeparableConv2DLayer SeparableConv2D(int filters, int kernel = 3, int stride = 1, Padding padding = Padding.Valid, int depthMultiplier = 1, bool useBias = true)
        => new(filters, kernel, stride, padding, depthMultiplier, useBias);

    /// <summary>
    /// Batch normalisation. Momentum 0.9 by default (PyTorch's 0.1 in its convention): Keras's 0.99 needs thousands of
    /// steps before the moving statistics settle, which makes short runs validate badly. Epsilon 0.001 as in Keras.
    /// </summary>
    /// <param name="momentum">Share of the old moving statistics kept per batch, in (0, 1).</param>
    /// <param name="epsilon">Added to the variance.</param>
    public static BatchNormalizationLayer BatchNorm(double momentum = 0.9, double epsilon = 1e-3) => new(momentum, epsilon);

    /// <summary>An activation layer.</summary>
    /// <param name="function">The function.</param>
    public static ActivationLayer Activation(ActivationKind function) => new(function);

    /// <summary>ReLU activation.</summary>
    public static ActivationLayer ReLU() => new(ActivationKind.ReLU);

    /// <summary>ELU activation.</summary>
    public static ActivationLayer ELU() => new(ActivationKind.ELU);

    /// <summary>GELU activation.</summary>
    public static ActivationLayer GELU() => new(ActivationKind.GELU);

    /// <summary>Softmax over the classes; put it last to make the model output probabilities.</summary>
    public static ActivationLayer Softmax() => new(ActivationKind.Softmax);

    /// <summary>Max pooling (Keras MaxPooling2D).</summary>
    /// <param name="poolSize">Side of the square window.</param>
    /// <param name="stride">Step; the pool size when omitted.</param>
    /// <param name="padding">Same or valid (the default).</param>
    public static Pooling2DLayer MaxPool2D(int poolSize = 2, int? stride = null, Padding padding = Padding.Valid)
        => new(max: true, poolSize, stride, padding);

    /// <summary>Average pooling (Keras AveragePooling2D); same padding is excluded from the averages.</summary>
    /// <param name="poolSize">Side of the square window.</param>
    /// <param name="stride">Step; the pool size when omitted.</param>
    /// <param name="padding">Same or valid (the default).</param>
    public static Pooling2DLayer AvgPool2D(int poolSize = 2, int? stride = null, Padding padding = Padding.Valid)
        => new(max: false, poolSize, stride, padding);

    /// <summary>Global average pooling: (C, H, W) to (C).</summary>
    public static GlobalAveragePooling2DLayer GlobalAvgPool2D() => new();

    /// <summary>Dropout.</summary>
    /// <param name="rate">Share of inputs dropped during training, in [0, 1).</param>
    public static DropoutLayer Dropout(double rate) => new(rate);

    /// <summary>Flatten: (C, H, W) to (C·H·W).</summary>
    public static FlattenLayer Flatten() => new();

    /// <summary>A fully connected layer.</summary>
    /// <param name="units">Outputs.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    public static DenseLayer Dense(int units, bool useBias = true) => new(units, useBias);

    /// <summary>A residual block: <c>activation(body(x) + shortcut(x))</c>.</summary>
    /// <param name="body">The main path.</param>
    /// <param name="shortcut">The shortcut path; the identity when null or empty.</param>
    /// <param name="activation">Applied after the sum; none when null.</param>
    public static ResidualLayer Residual(IReadOnlyList<Layer> body, IReadOnlyList<Layer>? shortcut = null, ActivationKind? activation = null)
        => new(body, shortcut, activation);

    /// <summary>Several branches on the same input, their outputs averaged (Keras's <c>Average</c>); see <see cref="AverageLayer"/>.</summary>
    /// <param name="branches">Two or more lists of layers, each producing the same shape.</param>
    /// <exception cref="ArgumentException">Fewer than two branches, or an empty or null branch.</exception>
    public static AverageLayer Average(IReadOnlyList<IReadOnlyList<Layer>> branches) => new(branches);
}
