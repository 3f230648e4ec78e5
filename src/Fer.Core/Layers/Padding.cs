namespace Fer.Core;

/// <summary>Padding of convolution and pooling layers, as in Keras.</summary>
public enum Padding
{
    /// <summary>No padding: the output shrinks by the kernel size minus one.</summary>
    Valid,

    /// <summary>Pad so that the output size is the input size divided by the stride, rounded up (extra padding at the end, as TensorFlow does).</summary>
    Same,
}
