namespace Fer.Core;

/// <summary>How a model file stores its floating-point weights. Models always compute in float32.</summary>
public enum WeightPrecision
{
    /// <summary>float32, exactly as trained (4 bytes per weight). The default.</summary>
    Full,

    /// <summary>
    /// IEEE half precision (2 bytes per weight): half the file, for shipping large models such as ensembles. Weights
    /// are rounded to 11 significant bits when saved and widened to float32 when loaded; predictions move by about
    /// 1e-3 in probability. A weight beyond ±65,504 cannot be stored and is refused.
    /// </summary>
    Half,
}
