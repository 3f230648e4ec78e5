using System.Globalization;
using NumSharp;

namespace Fer.Core.Tests;

/// <summary>
/// A model file whose every value is finite can still be broken: negative batch-norm variances, weights near float's
/// limit, a tiny normalisation std or a huge mean. Loading refuses them instead of returning NaN probabilities.
/// </summary>
public sealed class LoadedModelChecksTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Saves a small trained-shape net after <paramref name="change"/> rewrote some of its weights.</summary>
    private string SavedWith(Action<Dictionary<string, NDArray>> change)
    {
        using var model = SyntheticFaces.SmallNet();
        var weights = model.GetWeights().ToDictionary(kv => kv.Key, kv => kv.Value);
        change(weights);
        model.SetWeights(weights);
        var path = _temp.File($"model-{Guid.NewGuid():N}.fer");
        model.Save(path);
        return path;
    }

    [Fact]
    public void A_sound_model_loads()
    {
        var path = SavedWith(_ => { });
        using var loaded = Sequential.Load(path);
        Assert.Equal(3, loaded.OutputCount);
    }

    [Fact]
    public void A_file_padded_far_beyond_its_weights_is_refused_from_its_header()
    {
        var path = SavedWith(_ => { });
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(1L << 30);   // sparse on Linux: a gigabyte the loader must not read
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<FerModelException>(() => Sequential.Load(path));

        Assert.Contains("forged or padded", error.Message);
        Assert.Contains(path, error.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64L << 20, "the refusal read the file");
    }

    [Fact]
    public void Negative_running_variances_are_refused_by_name()
    {
        var path = SavedWith(w =>
        {
            var name = w.Keys.First(k => k.EndsWith("running_var", StringComparison.Ordinal));
            var values = w[name].ToArray<float>();
            values[0] = -0.5f;
            w[name] = np.array(values);
        });
        var e = Assert.Throws<FerModelException>(() => Sequential.Load(path));
        Assert.Contains("running_var' holds negative values", e.Message);
    }

    [Fact]
    public void Weights_near_the_float_limit_are_refused_by_the_probe()
    {
        var path = SavedWith(w =>
        {
            foreach (var name in w.Keys.Where(k => k.StartsWith("conv2d", StringComparison.Ordinal) && k.EndsWith(".weight", StringComparison.Ordinal)).ToList())
            {
                var values = w[name].ToArray<float>().Select(_ => float.MaxValue).ToArray();
                w[name] = np.array(values).reshape(w[name].shape);
            }
        });
        Assert.Contains("NaN or infinite probabilities for plain images", Assert.Throws<FerModelException>(() => Sequential.Load(path)).Message);
    }

    [Theory]
    [InlineData("1E-38", null, "its normalisation")]
    [InlineData(null, "1E+30", "its normalisation")]
    [InlineData("1E+30", null, "its normalisation")]
    public void A_broken_normalisation_is_refused(string? std, string? mean, string expected)
    {
        var path = SavedWith(_ => { });
        var file = File.ReadAllBytes(path);
        var forged = ModelFileTests.Forge(file, header =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(header)!;
            var normalization = node["metadata"]!["normalization"]!;
            if (std is not null)
            {
                normalization["std"] = double.Parse(std, CultureInfo.InvariantCulture);
            }

            if (mean is not null)
            {
                normalization["mean"] = double.Parse(mean, CultureInfo.InvariantCulture);
            }

            return node.ToJsonString();
        });
        Assert.Contains(expected, Assert.Throws<FerModelException>(() => Sequential.Load(forged, "forged.fer")).Message);
    }
}
