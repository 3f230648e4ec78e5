using Fer.Datasets.Augmentation;
using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets;

/// <summary>
/// A composable, seeded augmentation pipeline that runs on batched tensors during training. Build it
/// fluently (<c>new AugmentationPipeline(seed: 1).HorizontalFlip().RandomCrop(44, padding: 4)</c>); each
/// step is applied in the order added. The same seed, epoch and batch give the same result; an empty or
/// disabled pipeline returns its input bit for bit.
/// </summary>
public sealed partial class AugmentationPipeline
{
    private readonly List<IBatchTransform> _steps = [];

    /// <summary>Creates an empty pipeline.</summary>
    /// <param name="seed">Seed of all random choices; combined with the epoch and batch index per batch.</param>
    public AugmentationPipeline(int seed = 0)
    {
        Seed = seed;
    }

    /// <summary>The seed of all random choices.</summary>
    public int Seed { get; }

    /// <summary>Whether the pipeline runs; when false it is the identity, bit for bit.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The steps, described, in order.</summary>
    public IReadOnlyList<string> Steps => _steps.Select(s => s.Describe()).ToArray();

    /// <summary>The pipeline as one line, e.g. "HorizontalFlip(p=0.5) → RandomCrop(44, padding=4)".</summary>
    public override string ToString() => _steps.Count == 0 ? "Identity" : string.Join(" → ", Steps);

    internal AugmentationPipeline Add(IBatchTransform step)
    {
        _steps.Add(step);
        return this;
    }

    /// <summary>Applies the steps to one batch with a generator derived from the seed, epoch and batch.</summary>
    internal (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, int epoch, int batchIndex)
    {
        if (!Enabled || _steps.Count == 0)
        {
            return (images, targets);
        }

        using var random = new Generator(SeedMixer.Mix(Seed, epoch, batchIndex), images.device);
        foreach (var step in _steps)
        {
            (images, targets) = step.Apply(images, targets, random);
        }

        return (images, targets);
    }
}
