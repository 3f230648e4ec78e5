using Fer.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Datasets;

/// <summary>
/// How 0–255 pixel values become model inputs: <c>x = (pixel / 255 - Mean) / Std</c>.
/// Stored in every model file, so that prediction normalises exactly as training did.
/// </summary>
/// <param name="Mean">Subtracted after scaling to [0, 1].</param>
/// <param name="Std">Divides after subtracting the mean; must be positive.</param>
public sealed record Normalization(double Mean, double Std)
{
    /// <summary>Scale to [0, 1] only (mean 0, std 1).</summary>
    public static Normalization UnitRange { get; } = new(0, 1);

    /// <summary>Scale to [-1, 1] (mean 0.5, std 0.5).</summary>
    public static Normalization SymmetricRange { get; } = new(0.5, 0.5);

    /// <summary>The mean and standard deviation of the FER2013 training pixels scaled to [0, 1].</summary>
    public static Normalization Fer2013 { get; } = new(0.5077, 0.2550);

    /// <summary>
    /// Model inputs from pixel values already scaled to [0, 1] (e.g. after augmentation): <c>(x - Mean) / Std</c>. The
    /// formula is written here only: training batches, augmented batches and prediction all go through it.
    /// </summary>
    /// <param name="unitPixels">A floating-point tensor of any shape, on any device.</param>
    /// <returns>A new tensor on the same device, in the caller's dispose scope.</returns>
    public Tensor Apply(Tensor unitPixels)
    {
        ArgumentNullException.ThrowIfNull(unitPixels);
        Validate();
        return unitPixels.Minus(Mean).DividedBy(Std);
    }

    /// <summary>Model inputs from 0–255 pixel values of any numeric type: scaled to [0, 1] in float32, then <see cref="Apply"/>.</summary>
    /// <param name="pixels">Pixel values 0–255, any shape, on any device.</param>
    /// <returns>A new float32 tensor on the same device, in the caller's dispose scope.</returns>
    public Tensor FromPixels(Tensor pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        return Apply(pixels.to(ScalarType.Float32).DividedBy(255.0));
    }

    /// <summary>
    /// The model input of each pixel value 0–255, computed by <see cref="FromPixels"/> (so bit for bit what prediction
    /// computes): a lookup table for batching bytes without a tensor per image.
    /// </summary>
    public float[] LookupTable()
    {
        using var scope = NewDisposeScope();
        return FromPixels(arange(256, ScalarType.Float32)).data<float>().ToArray();
    }

    internal void Validate()
    {
        if (!double.IsFinite(Mean) || !double.IsFinite(Std) || Std <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Std), this, $"Normalization needs a finite mean and a positive finite std, but was mean={Mean}, std={Std}.");
        }
    }
}
