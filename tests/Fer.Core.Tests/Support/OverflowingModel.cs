using NumSharp;

namespace Fer.Core.Tests;

/// <summary>A model that passes the load-time probe and gives NaN probabilities for one kind of input (shared with Fer.Onnx's tests).</summary>
internal static class OverflowingModel
{
    /// <summary>
    /// A 4x4 model whose first logit is <c>M·x₀ − M·x₁ + M</c> (M = float.MaxValue): finite for black, gray, white and
    /// a ramp (x₀ ≤ x₁), infinite, so NaN after softmax, when the first pixel is bright and the second dark.
    /// </summary>
    public static Sequential Build()
    {
        var model = new Sequential((1, 4, 4), seed: 1).Add(Layers.Flatten()).Add(Layers.Dense(3));
        model.ClassNames = ["a", "b", "c"];
        var weights = new float[3 * 16];
        weights[0] = float.MaxValue;
        weights[1] = -float.MaxValue;
        model.SetWeights(new Dictionary<string, NDArray>
        {
            ["dense.weight"] = np.array(weights).reshape(3, 16),
            ["dense.bias"] = np.array(new[] { float.MaxValue, 0f, 0f }),
        });
        return model;
    }

    /// <summary>The pixels that overflow <see cref="Build"/>: first pixel white, the rest black.</summary>
    public static byte[] Pixels()
    {
        var pixels = new byte[16];
        pixels[0] = 255;
        return pixels;
    }
}
