using NumSharp;

namespace Fer.Core.Tests;

public sealed class SequentialWeightsTests
{
    [Fact]
    public void Weights_are_named_after_the_layers_with_torch_shapes()
    {
        using var model = SyntheticFaces.SmallNet();
        var weights = model.GetWeights();

        Assert.Equal([3, 16], weights["dense.weight"].shape);
        Assert.Equal([3], weights["dense.bias"].shape);
        Assert.Equal([8], weights["batchnormalization.running_mean"].shape);
        Assert.Equal([8], weights["batchnormalization.running_var"].shape);
        Assert.DoesNotContain(weights.Keys, name => name.Contains("num_batches_tracked", StringComparison.Ordinal));
        Assert.All(weights.Values, w => Assert.Equal(NPTypeCode.Single, w.typecode));
        Assert.Equal(model.Summary().TotalParameters, weights.Values.Sum(w => (long)w.size));
    }

    [Fact]
    public void Copying_all_weights_to_a_differently_seeded_model_gives_its_predictions()
    {
        var images = SyntheticFaces.Make(20, seed: 5);
        using var source = SyntheticFaces.SmallNet(seed: 1).Compile();
        source.Fit(images, epochs: 1, batchSize: 10);
        using var target = SyntheticFaces.SmallNet(seed: 2);
        Assert.NotEqual(source.Predict(images), target.Predict(images));

        target.SetWeights(source.GetWeights());

        Assert.Equal(source.Predict(images), target.Predict(images));
    }

    [Fact]
    public void Setting_one_bias_changes_the_next_predictions()
    {
        var images = SyntheticFaces.Make(12, seed: 3);
        using var model = SyntheticFaces.SmallNet();
        var before = model.Predict(images);
        var bias = model.GetWeights()["dense.bias"];
        bias[2] = 50f;

        model.SetWeights(new Dictionary<string, NDArray> { ["dense.bias"] = bias });

        var after = model.Predict(images);
        Assert.All(after, p => Assert.Equal(2, Array.IndexOf(p, p.Max())));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Returned_arrays_are_copies()
    {
        using var model = SyntheticFaces.SmallNet();
        var first = model.GetWeights()["dense.bias"];
        var original = first.ToArray<float>();
        first[0] = 123f;

        Assert.Equal(original, model.GetWeights()["dense.bias"].ToArray<float>());
    }

    [Fact]
    public void Double_arrays_are_accepted()
    {
        using var model = SyntheticFaces.SmallNet();

        model.SetWeights(new Dictionary<string, NDArray> { ["dense.bias"] = np.array(new[] { 1.5, -2.0, 0.25 }) });

        Assert.Equal([1.5f, -2f, 0.25f], model.GetWeights()["dense.bias"].ToArray<float>());
    }

    [Theory]
    [InlineData("dense.kernel", "has no weight 'dense.kernel'")]
    [InlineData("wrong-shape", "Weight 'dense.bias' has shape (3) but the value given has shape (4)")]
    [InlineData("integers", "weight 'dense.bias' has element type Int32")]
    [InlineData("nan", "weight 'dense.bias' holds NaN at flat index 1")]
    public void Bad_weights_are_refused_by_name_and_change_nothing(string problem, string message)
    {
        using var model = SyntheticFaces.SmallNet();
        var before = model.GetWeights();
        var zeros = np.zeros(new NumSharp.Shape(3, 16), NPTypeCode.Single);
        var (name, value) = problem switch
        {
            "dense.kernel" => ("dense.kernel", np.zeros(new NumSharp.Shape(3), NPTypeCode.Single)),
            "wrong-shape" => ("dense.bias", np.zeros(new NumSharp.Shape(4), NPTypeCode.Single)),
            "integers" => ("dense.bias", np.array(new[] { 1, 2, 3 })),
            _ => ("dense.bias", np.array(new[] { 0f, float.NaN, 0f })),
        };

        var error = Assert.Throws<FerModelException>(() => model.SetWeights(new Dictionary<string, NDArray> { ["dense.weight"] = zeros, [name] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before["dense.weight"].ToArray<float>(), model.GetWeights()["dense.weight"].ToArray<float>());
    }
}
