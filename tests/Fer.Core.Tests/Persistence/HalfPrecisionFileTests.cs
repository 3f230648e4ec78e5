using NumSharp;

namespace Fer.Core.Tests;

public sealed class HalfPrecisionFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-half-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_half_precision_file_is_about_half_the_size_and_predicts_alike()
    {
        using var model = Architectures.TinyVgg.Build(seed: 3);
        var full = Path.Combine(_folder.FullName, "full.fer");
        var half = Path.Combine(_folder.FullName, "half.fer");
        model.Save(full);
        model.Save(half, WeightPrecision.Half);
        Assert.InRange(new FileInfo(half).Length, new FileInfo(full).Length * 0.45, new FileInfo(full).Length * 0.6);

        using var loaded = Sequential.Load(half);
        var face = Enumerable.Range(0, 48 * 48).Select(i => (byte)(i * 7 % 256)).ToArray();
        var expected = model.Predict(face);
        var actual = loaded.Predict(face);
        Assert.True(expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) < 5e-3), $"{string.Join(", ", expected)} vs {string.Join(", ", actual)}");

        // Every weight is the float16 rounding of the original.
        var original = model.GetWeights();
        foreach (var (name, value) in loaded.GetWeights())
        {
            var rounded = original[name].ToArray<float>().Select(v => (float)(Half)v);
            Assert.Equal(rounded, value.ToArray<float>());
        }
    }

    [Fact]
    public void A_weight_beyond_half_precision_is_refused_and_nothing_is_written()
    {
        using var model = new Sequential((1, 4, 4), seed: 1).Add(Layers.Flatten()).Add(Layers.Dense(2));
        var weights = model.GetWeights();
        var kernel = weights["dense.weight"].ToArray<float>();
        kernel[5] = 70_000f;
        model.SetWeights(new Dictionary<string, NDArray> { ["dense.weight"] = new NDArray(kernel, weights["dense.weight"].shape) });
        var path = Path.Combine(_folder.FullName, "big.fer");
        var e = Assert.Throws<FerModelException>(() => model.Save(path, WeightPrecision.Half));
        Assert.Contains("'dense.weight'", e.Message);
        Assert.Contains("70000", e.Message);
        Assert.False(File.Exists(path));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Save(path, (WeightPrecision)7));
    }
}
