using Fer.Datasets.Batching;
using static TorchSharp.torch;

namespace Fer.Datasets.Tests;

public sealed class NormalizationTests
{
    [Fact]
    public void The_lookup_table_is_what_FromPixels_computes_bit_for_bit_and_follows_the_formula()
    {
        var normalization = Normalization.Fer2013;
        using var scope = NewDisposeScope();
        var computed = normalization.FromPixels(arange(256, ScalarType.Byte)).data<float>().ToArray();
        var table = normalization.LookupTable();
        Assert.Equal(computed, table);
        for (var pixel = 0; pixel < 256; pixel++)
        {
            Assert.Equal(((pixel / 255.0) - normalization.Mean) / normalization.Std, table[pixel], 1e-5);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Training_batches_hold_exactly_what_prediction_computes_from_the_same_pixels(bool augmented)
    {
        // One formula: BatchLoader's byte lookup (plain) and its augmented path (unit range, then Apply) must give the
        // inputs that FromPixels (the prediction path) gives, bit for bit.
        var pixels = Enumerable.Range(0, 4 * 16).Select(i => (byte)(i * 37 % 256)).ToArray();
        var data = LabeledFaces.FromPixels(pixels, [0, 1, 2, 3], new ImageShape(1, 4, 4));
        var options = new BatchLoaderOptions
        {
            BatchSize = 4,
            Normalization = Normalization.Fer2013,
            Shuffle = false,
            Prefetch = 0,
            Augmentation = augmented ? new AugmentationPipeline().RandomErasing(p: 0) : null,
        };
        using var batch = new BatchLoader(data, options).Epoch(1).Single();
        using var scope = NewDisposeScope();
        var expected = Normalization.Fer2013.FromPixels(tensor(pixels, [4, 1, 4, 4]));
        Assert.Equal(expected.data<float>().ToArray(), batch.Images.data<float>().ToArray());
    }

    [Fact]
    public void A_normalization_that_cannot_be_applied_is_refused()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Normalization(0.5, 0).Apply(ones(2)));
        Assert.Contains("positive finite std", e.Message);
        Assert.Throws<ArgumentNullException>(() => Normalization.UnitRange.FromPixels(null!));
    }
}
