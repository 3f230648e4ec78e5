namespace Fer.Internal;

/// <summary>Derives independent, repeatable seeds from a base seed and counters (SplitMix64 finaliser).</summary>
internal static class SeedMixer
{
    public static ulong Mix(int seed, int a, int b = 0)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)a << 32) ^ (uint)b;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public static int MixToInt(int seed, int a, int b = 0) => unchecked((int)Mix(seed, a, b));
}
