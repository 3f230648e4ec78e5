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

    internal void Validate()
    {
        if (!double.IsFinite(Mean) || !double.IsFinite(Std) || Std <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Std), this, $"Normalization needs a finite mean and a positive finite std, but was mean={Mean}, std={Std}.");
        }
    }
}
