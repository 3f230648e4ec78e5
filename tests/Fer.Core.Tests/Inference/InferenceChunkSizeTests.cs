namespace Fer.Core.Tests;

/// <summary>Prediction chunks are sized from the model's largest activation, so a forward pass stays in malloc's heap.</summary>
public sealed class InferenceChunkSizeTests
{
    [Fact]
    public void Chunks_keep_the_largest_activation_within_the_budget_and_shrink_with_test_time_copies()
    {
        using var model = Architectures.TinyVgg.Build(seed: 1);
        var activation = 16L * 48 * 48 * sizeof(float); // TinyVgg's first convolution: 16 maps of 48x48
        var plain = model.InferenceChunkSize(1);
        Assert.Equal((int)Math.Min(256, Sequential.ActivationBudgetBytes / activation), plain);
        var tenCrop = model.InferenceChunkSize(10);
        Assert.Equal((int)(Sequential.ActivationBudgetBytes / (activation * 10)), tenCrop);
        Assert.True(tenCrop * 10 * activation <= Sequential.ActivationBudgetBytes);
    }

    [Fact]
    public void Tiny_models_are_capped_at_256_and_huge_ones_get_at_least_one()
    {
        using var tiny = new Sequential((1, 8, 8), seed: 1).Add(Layers.Flatten()).Add(Layers.Dense(2));
        Assert.Equal(256, tiny.InferenceChunkSize(1));
        using var huge = new Sequential((1, 48, 48), seed: 1).Add(Layers.Conv2D(2048, kernel: 1)).Add(Layers.GlobalAvgPool2D()).Add(Layers.Dense(2));
        Assert.Equal(1, huge.InferenceChunkSize(10));
    }

    [Fact]
    public void A_residual_block_counts_the_activations_inside_it()
    {
        // The body widens 8 channels to 256 inside the block and back: the chunk must be sized by the 256 maps, which the
        // block's output (8 maps) does not show.
        var body = new Layer[] { Layers.Conv2D(256, kernel: 1), Layers.ReLU(), Layers.Conv2D(8, kernel: 1) };
        using var model = new Sequential((8, 24, 24), seed: 1).Add(Layers.Residual(body)).Add(Layers.GlobalAvgPool2D()).Add(Layers.Dense(2));
        var inner = (8L * 24 * 24) + (256L * 24 * 24);
        Assert.Equal((int)(Sequential.ActivationBudgetBytes / (inner * sizeof(float) * 10)), model.InferenceChunkSize(10));
    }
}
