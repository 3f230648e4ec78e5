using static TorchSharp.torch;

namespace Fer.Datasets.Batching;

/// <summary>One mini-batch on the training device: normalised images (N, C, H, W), soft targets (N, K) and the hard labels.</summary>
internal sealed class Batch : IDisposable
{
    public Batch(Tensor images, Tensor targets, int[] labels, int index)
    {
        Images = images;
        Targets = targets;
        Labels = labels;
        Index = index;
    }

    public Tensor Images { get; }

    public Tensor Targets { get; }

    public int[] Labels { get; }

    public int Index { get; }

    public int Count => Labels.Length;

    public void Dispose()
    {
        Images.Dispose();
        Targets.Dispose();
    }
}
