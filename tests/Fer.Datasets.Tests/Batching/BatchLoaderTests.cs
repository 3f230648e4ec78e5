using Fer.Datasets.Batching;
using static TorchSharp.torch;

namespace Fer.Datasets.Tests;

public sealed class BatchLoaderTests
{
    private static LabeledFaces Data(int count)
    {
        var labels = Enumerable.Range(0, count).Select(i => i % 7).ToArray();
        var pixels = Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((byte)i, 4)).ToArray();
        return LabeledFaces.FromPixels(pixels, labels, new ImageShape(1, 2, 2));
    }

    [Fact]
    public void Bad_options_are_refused_with_the_argument_family()
    {
        var data = Data(4);
        Assert.Throws<ArgumentNullException>(() => new BatchLoader(null!, new BatchLoaderOptions()));
        Assert.Throws<ArgumentNullException>(() => new BatchLoader(data, null!));
        Assert.Contains("options.BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchLoader(data, new BatchLoaderOptions { BatchSize = 0 })).Message);
        Assert.Contains("options.Prefetch", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchLoader(data, new BatchLoaderOptions { Prefetch = -1 })).Message);
        Assert.Contains("options.SamplesPerEpoch", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchLoader(data, new BatchLoaderOptions { SamplesPerEpoch = 0 })).Message);
        Assert.Contains("one finite weight >= 0 per image (4)", Assert.Throws<ArgumentException>(() => new BatchLoader(data, new BatchLoaderOptions { SampleWeights = [1, 1] })).Message);
        Assert.Throws<ArgumentException>(() => new BatchLoader(data, new BatchLoaderOptions { SampleWeights = [0, 0, 0, 0] }));
        Assert.Throws<ArgumentException>(() => new BatchLoader(data, new BatchLoaderOptions { SampleWeights = [1, double.NaN, 1, 1] }));
    }

    [Fact]
    public void An_epoch_yields_every_image_once_in_a_seeded_order_with_prefetch()
    {
        var data = Data(100);
        var loader = new BatchLoader(data, new BatchLoaderOptions { BatchSize = 32, Seed = 5, Prefetch = 2 });
        var seen = new List<byte>();
        var batches = 0;
        foreach (var batch in loader.Epoch(1))
        {
            using (batch)
            {
                batches++;
                var first = batch.Images[TensorIndex.Colon, 0, 0, 0].mul(255).round().to(ScalarType.Byte).data<byte>().ToArray();
                seen.AddRange(first);
                Assert.Equal(batch.Labels, batch.Targets.argmax(1).data<long>().ToArray().Select(l => (int)l));
            }
        }

        Assert.Equal(4, batches);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 100).Select(i => (byte)i), seen);
        Assert.Equal(loader.Order(1), loader.Order(1));
        Assert.NotEqual(loader.Order(1), loader.Order(2));
    }

    [Fact]
    public void Normalization_is_applied_with_and_without_augmentation()
    {
        var data = LabeledFaces.FromPixels(new byte[] { 0, 255, 51, 102 }, [0], new ImageShape(1, 2, 2));
        foreach (var augmentation in new AugmentationPipeline?[] { null, new AugmentationPipeline().RandomErasing(p: 0) })
        {
            var loader = new BatchLoader(data, new BatchLoaderOptions { BatchSize = 1, Normalization = Normalization.SymmetricRange, Augmentation = augmentation, Prefetch = 0 });
            using var batch = loader.Epoch(0).Single();
            var values = batch.Images.flatten().data<float>().ToArray();
            Assert.Equal([-1f, 1f, -0.6f, -0.2f], values.Select(v => MathF.Round(v, 5)));
        }
    }

    [Fact]
    public void Weighted_sampling_draws_classes_by_weight()
    {
        var labels = Enumerable.Repeat(0, 90).Concat(Enumerable.Repeat(1, 10)).ToArray();
        var data = LabeledFaces.FromPixels(new byte[100], labels, new ImageShape(1, 1, 1), ["common", "rare"]);
        var loader = new BatchLoader(data, new BatchLoaderOptions { BatchSize = 50, Seed = 1, SampleWeights = ClassWeights.BalancedSampleWeights(data), SamplesPerEpoch = 4000 });
        var rare = loader.Order(1).Count(i => labels[i] == 1);
        Assert.InRange(rare, 1800, 2200);
    }

    [Fact]
    public void Leaving_an_epoch_early_stops_the_producer_and_frees_batches()
    {
        var loader = new BatchLoader(Data(500), new BatchLoaderOptions { BatchSize = 10, Prefetch = 3 });
        foreach (var batch in loader.Epoch(0))
        {
            batch.Dispose();
            break;
        }

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => loader.Epoch(0, cancel.Token).First());
    }
}
