using Fer.Datasets.Batching;
using static TorchSharp.torch;

namespace Fer.Datasets.Tests;

/// <summary>Batches of distribution targets: as given, drawn per use with the loader's seed, or mixed by mixup.</summary>
public sealed class BatchLoaderTargetsTests
{
    private static LabeledFaces Faces(TargetKind kind, int count = 8)
    {
        var distributions = Enumerable.Range(0, count).SelectMany(i => i % 2 == 0 ? new[] { 0.25f, 0.75f, 0f } : new[] { 0f, 0f, 1f }).ToArray();
        return LabeledFaces.FromDistributions(new byte[count * 4], distributions, kind, new ImageShape(1, 2, 2), ["a", "b", "c"]);
    }

    private static float[][] Targets(BatchLoader loader, int epoch)
    {
        var rows = new List<float[]>();
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            {
                var values = batch.Targets.data<float>().ToArray();
                rows.AddRange(values.Chunk(3));
            }
        }

        return [.. rows];
    }

    [Fact]
    public void Distribution_targets_are_batched_as_they_are()
    {
        var loader = new BatchLoader(Faces(TargetKind.Distribution), new BatchLoaderOptions { BatchSize = 3, Shuffle = false, Prefetch = 0 });
        var targets = Targets(loader, 0);

        Assert.Equal([0.25f, 0.75f, 0f], targets[0]);
        Assert.Equal([0f, 0f, 1f], targets[1]);
        Assert.Equal(8, targets.Length);
    }

    [Fact]
    public void Drawn_labels_are_one_hot_seeded_and_follow_the_distribution()
    {
        var faces = Faces(TargetKind.DrawnLabel, 4000);
        var options = new BatchLoaderOptions { BatchSize = 256, Shuffle = false, Prefetch = 0, Seed = 9 };
        var first = Targets(new BatchLoader(faces, options), 0);

        Assert.All(first, t => Assert.Equal(1f, t.Sum()));
        Assert.All(first.Where((_, i) => i % 2 == 1), t => Assert.Equal([0f, 0f, 1f], t));
        var drawnB = first.Where((_, i) => i % 2 == 0).Count(t => t[1] == 1f) / 2000.0;
        Assert.InRange(drawnB, 0.72, 0.78);
        Assert.Equal(0, first.Where((_, i) => i % 2 == 0).Count(t => t[2] == 1f));

        // The same seed and epoch give the same draws (a resumed run); another epoch draws anew.
        Assert.Equal(first, Targets(new BatchLoader(faces, options), 0));
        Assert.NotEqual(first, Targets(new BatchLoader(faces, options), 1));
    }

    [Fact]
    public void Mixup_mixes_distributions_into_distributions()
    {
        var augmentation = new AugmentationPipeline(seed: 3).Mixup(alpha: 0.4, p: 1);
        var loader = new BatchLoader(Faces(TargetKind.Distribution), new BatchLoaderOptions { BatchSize = 8, Shuffle = false, Prefetch = 0, Augmentation = augmentation });
        var targets = Targets(loader, 0);

        Assert.All(targets, t => Assert.Equal(1f, t.Sum(), 5));
        // Each row is λ·its own target + (1 − λ)·another face's: a face of either kind never gets more of "a" than 0.25.
        Assert.All(targets, t => Assert.InRange(t[0], 0f, 0.25f + 1e-6f));
        Assert.Contains(targets, t => t[2] is > 0 and < 1);
    }
}
