namespace Fer.Core;

/// <summary>The argument checks of the moment decays and epsilon that Adam and AdamW share.</summary>
internal static class AdamSettings
{
    public static void Validate(string optimizer, double beta1, double beta2, double epsilon)
    {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"{optimizer}: beta1 and beta2 must be in [0, 1), but were {beta1} and {beta2}.");
        }

        if (!(epsilon > 0 && double.IsFinite(epsilon)))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"{optimizer}: epsilon must be a positive finite number, but was {epsilon}.");
        }
    }
}
