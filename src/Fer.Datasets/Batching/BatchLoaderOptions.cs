using static TorchSharp.torch;

namespace Fer.Datasets.Batching;

/// <summary>How a <see cref="BatchLoader"/> makes batches.</summary>
internal sealed record BatchLoaderOptions
{
    public int BatchSize { get; init; } = 64;

    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }

    public Normalization Normalization { get; init; } = Normalization.UnitRange;

    public AugmentationPipeline? Augmentation { get; init; }

    public Device Device { get; init; } = CPU;

    /// <summary>Batches prepared ahead on a background thread; 0 makes batches on the caller's thread.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Per-image sampling weights (a weighted sampler with replacement); null for a plain shuffle.</summary>
    public IReadOnlyList<double>? SampleWeights { get; init; }

    /// <summary>Images drawn per epoch under weighted sampling; the data set size by default.</summary>
    public int? SamplesPerEpoch { get; init; }
}
