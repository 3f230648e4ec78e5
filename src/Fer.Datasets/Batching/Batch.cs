using static TorchSharp.torch;

namespace Fer.Datasets.Batching;

/// <summary>
/// One mini-batch on the training device: normalised images (N, C, H, W), soft targets (N, K) and the hard labels.
/// The batch owns its tensors: dispose it (or attach them to a dispose scope) when the step is done.
/// </summary>
public sealed class Batch : IDisposable
{
    internal Batch(Tensor images, Tensor targets, int[] labels, int index)
    {
        Images = images;
        Targets = targets;
        Labels = labels;
        Index = index;
    }

    /// <summary>The images, normalised (and augmented when the loader augments), shape (N, C, H, W).</summary>
    public Tensor Images { get; }

    /// <summary>The targets as class probabilities, shape (N, K): one-hot, or mixed by mixup/cutmix.</summary>
    public Tensor Targets { get; }

    /// <summary>The hard label of each image.</summary>
    public int[] Labels { get; }

    /// <summary>The batch's position in its epoch, 0-based.</summary>
    public int Index { get; }

    /// <summary>The number of images, N.</summary>
    public int Count => Labels.Length;

    /// <summary>Frees the images and targets.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Targets.Dispose();
    }
}
