using static TorchSharp.torch;

namespace Fer.Datasets.Batching;

/// <summary>How a <see cref="BatchLoader"/> makes batches; checked when the loader is created.</summary>
public sealed record BatchLoaderOptions
{
    /// <summary>Images per batch (the last batch of an epoch may hold fewer); 64 by default.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Whether each epoch visits the images in a new seeded order; true by default.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the order and the augmentation: the same seed and epoch give the same batches.</summary>
    public int Seed { get; init; }

    /// <summary>How pixels are scaled; <see cref="Normalization.UnitRange"/> by default.</summary>
    public Normalization Normalization { get; init; } = Normalization.UnitRange;

    /// <summary>Augmentation applied to each batch; none when null.</summary>
    public AugmentationPipeline? Augmentation { get; init; }

    /// <summary>The device the batches are placed on; the CPU by default.</summary>
    public Device Device { get; init; } = CPU;

    /// <summary>Batches prepared ahead on a background thread; 0 makes batches on the caller's thread.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Per-image sampling weights (a weighted sampler with replacement); null for a plain shuffle.</summary>
    public IReadOnlyList<double>? SampleWeights { get; init; }

    /// <summary>Images drawn per epoch under weighted sampling; the data set size by default.</summary>
    public int? SamplesPerEpoch { get; init; }
}
