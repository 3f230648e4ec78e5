using Fer.Datasets;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NumSharp;

namespace Fer.Core.Tests;

/// <summary>Runs exported models in ONNX Runtime directly, and gives models random batch-norm statistics.</summary>
internal static class OnnxParity
{
    /// <summary>ONNX Runtime's probabilities for N images of 0–255 pixels (the session validates the model on load).</summary>
    public static float[][] Run(byte[] model, byte[] pixels, ImageShape shape)
    {
        using var session = new InferenceSession(model);
        var n = pixels.Length / shape.PixelCount;
        var input = new DenseTensor<float>(pixels.Select(p => (float)p).ToArray(), [n, shape.Channels, shape.Height, shape.Width]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("pixels", input)]);
        var probabilities = outputs.Single(o => o.Name == "probabilities").AsTensor<float>();
        return Enumerable.Range(0, n).Select(i => Enumerable.Range(0, (int)probabilities.Dimensions[1]).Select(k => probabilities[i, k]).ToArray()).ToArray();
    }

    /// <summary>
    /// Replaces every batch norm's scale, shift, running mean and running variance with random values, so that folding
    /// them is tested with statistics unlike the initial (1, 0, 0, 1).
    /// </summary>
    public static void RandomizeBatchNorms(Sequential model, int seed)
    {
        var random = new Random(seed);
        var weights = model.GetWeights();
        var changes = new Dictionary<string, NDArray>();
        foreach (var prefix in weights.Keys.Where(k => k.EndsWith(".running_mean", StringComparison.Ordinal)).Select(k => k[..^"running_mean".Length]))
        {
            (string Name, Func<float> Draw)[] parts =
            [
                ("running_mean", () => (float)((random.NextDouble() - 0.5) * 0.4)),
                ("running_var", () => (float)(0.5 + random.NextDouble())),
                ("weight", () => (float)(0.5 + random.NextDouble())),
                ("bias", () => (float)((random.NextDouble() - 0.5) * 0.2)),
            ];
            foreach (var (name, draw) in parts)
            {
                var value = weights[prefix + name];
                changes[prefix + name] = new NDArray(Enumerable.Range(0, checked((int)value.size)).Select(_ => draw()).ToArray(), value.Shape);
            }
        }

        model.SetWeights(changes);
    }

    /// <summary>The largest absolute difference between two sets of probabilities of the same shape.</summary>
    public static double MaxDifference(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual).Max(pair =>
        {
            Assert.Equal(pair.First.Length, pair.Second.Length);
            return pair.First.Zip(pair.Second).Max(v => Math.Abs(v.First - v.Second));
        });
    }
}
