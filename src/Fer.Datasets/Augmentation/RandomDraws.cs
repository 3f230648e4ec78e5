using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>Random numbers drawn from a seeded torch generator into .NET arrays, for per-sample parameters.</summary>
internal static class RandomDraws
{
    /// <summary>Uniform values in [0, 1), shape (count, perSample), row-major.</summary>
    public static float[] Uniform(Generator random, long count, long perSample = 1)
    {
        using var values = rand([count, perSample], generator: random);
        return values.data<float>().ToArray();
    }

    /// <summary>A .NET <see cref="Random"/> seeded from the generator, for draws that need more than uniforms (Beta).</summary>
    public static Random DotNet(Generator random)
    {
        using var seed = randint(int.MaxValue, [1], generator: random);
        return new Random((int)seed.item<long>());
    }

    /// <summary>
    /// For mixing augmentations: a .NET generator for the batch-level draws and a permutation that pairs each image
    /// with a partner from the same batch (both drawn before deciding whether to mix, so the stream stays aligned).
    /// </summary>
    public static (Random Draws, Tensor Partners) MixingPartners(Tensor images, Generator random)
        => (DotNet(random), randperm(images.shape[0], generator: random).to(images.device));

    /// <summary>A Beta(alpha, alpha) sample, from two Gamma samples (Marsaglia and Tsang).</summary>
    public static double Beta(Random random, double alpha)
    {
        var x = Gamma(random, alpha);
        var y = Gamma(random, alpha);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
