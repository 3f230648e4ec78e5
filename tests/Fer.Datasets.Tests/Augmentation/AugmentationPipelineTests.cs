using static TorchSharp.torch;

namespace Fer.Datasets.Tests;

public sealed class AugmentationPipelineTests
{
    private static (Tensor Images, Tensor Targets) Batch(int n = 8, int seed = 1)
    {
        var generator = new Generator((ulong)seed);
        var images = rand([n, 1, 48, 48], generator: generator);
        var targets = nn.functional.one_hot(arange(n) % 7, 7).to(ScalarType.Float32);
        return (images, targets);
    }

    [Fact]
    public void A_disabled_or_empty_pipeline_is_the_identity_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var (images, targets) = Batch();
        var disabled = new AugmentationPipeline(seed: 1) { Enabled = false }.HorizontalFlip(1).RandomErasing(1);
        var (x, y) = disabled.Apply(images, targets, 1, 0);
        Assert.True(Same(x, images));
        Assert.True(Same(y, targets));
        var (e, _) = new AugmentationPipeline().Apply(images, targets, 1, 0);
        Assert.True(Same(e, images));
    }

    [Fact]
    public void The_same_seed_epoch_and_batch_repeat_and_others_differ()
    {
        using var scope = NewDisposeScope();
        var (images, targets) = Batch();
        var pipeline = Augmentations.Standard(seed: 4).Mixup(0.4).CutMix(1.0);
        var first = pipeline.Apply(images, targets, 2, 3);
        var again = pipeline.Apply(images, targets, 2, 3);
        var otherBatch = pipeline.Apply(images, targets, 2, 4);
        Assert.True(Same(first.Images, again.Images));
        Assert.True(Same(first.Targets, again.Targets));
        Assert.False(Same(first.Images, otherBatch.Images));
        Assert.Equal(images.shape, first.Images.shape);
    }

    [Fact]
    public void Each_step_does_what_it_says()
    {
        using var scope = NewDisposeScope();
        var (images, targets) = Batch();
        Assert.True(Same(new AugmentationPipeline().HorizontalFlip(1).Apply(images, targets, 0, 0).Images, images.flip(3)));
        Assert.Equal(new long[] { 8, 1, 44, 44 }, new AugmentationPipeline().RandomCrop(44).Apply(images, targets, 0, 0).Images.shape);
        var shifted = new AugmentationPipeline().RandomCrop(48, padding: 4).Apply(images, targets, 0, 0).Images;
        Assert.Equal(images.shape, shifted.shape);

        var identityAffine = new AugmentationPipeline().RandomAffine(degrees: 0).Apply(images, targets, 0, 0).Images;
        Assert.True(identityAffine.allclose(images, rtol: 1e-4, atol: 1e-4));
        var rotated = new AugmentationPipeline().RandomAffine(degrees: 30, translate: 0.1, scale: (0.8, 1.2), shear: 10).Apply(images, targets, 0, 0).Images;
        Assert.False(rotated.allclose(images));

        var erased = new AugmentationPipeline().RandomErasing(p: 1, area: (0.1, 0.1), value: 0).Apply(ones(8, 1, 48, 48), targets, 0, 0).Images;
        var zeroShare = erased.eq(0).to(ScalarType.Float32).mean().item<float>();
        Assert.InRange(zeroShare, 0.07, 0.13);

        var jittered = new AugmentationPipeline().ColorJitter(0.3, 0.3, 0.3).Apply(images, targets, 0, 0).Images;
        Assert.True(jittered.min().item<float>() >= 0 && jittered.max().item<float>() <= 1);
        var noisy = new AugmentationPipeline().GaussianNoise(0.05, p: 1).Apply(images, targets, 0, 0).Images;
        Assert.False(Same(noisy, images));
    }

    [Fact]
    public void Mixup_and_cutmix_make_soft_labels_that_sum_to_one()
    {
        using var scope = NewDisposeScope();
        var (images, targets) = Batch(16);
        foreach (var pipeline in new[] { new AugmentationPipeline(3).Mixup(0.4), new AugmentationPipeline(3).CutMix(1.0, p: 1) })
        {
            var (x, y) = pipeline.Apply(images, targets, 0, 0);
            Assert.True(y.sum(1).allclose(ones(16), atol: 1e-5), pipeline.ToString());
            Assert.True(y.gt(0).sum(1).max().item<long>() >= 2, pipeline.ToString());
            Assert.Equal(images.shape, x.shape);
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Invalid_parameters_name_themselves()
    {
        Assert.Contains("p must be in [0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentationPipeline().HorizontalFlip(2)).Message);
        Assert.Contains("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentationPipeline().RandomAffine(scale: (1.2, 0.8))).Message);
        Assert.Contains("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentationPipeline().Mixup(0)).Message);
        Assert.Equal("HorizontalFlip(p=0.5) → RandomCrop(44, padding=2)", new AugmentationPipeline().HorizontalFlip().RandomCrop(44, 2).ToString());
    }
}
