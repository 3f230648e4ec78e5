using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// One augmentation step on a batch: images (N, C, H, W) as float in model scale and soft labels (N, K).
/// It draws all its randomness from the generator it is given, so a seeded generator makes it repeatable.
/// </summary>
internal interface IBatchTransform
{
    /// <summary>Returns the transformed batch; the inputs may be returned unchanged.</summary>
    (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random);

    /// <summary>A short description such as "HorizontalFlip(p=0.5)", for logs and model metadata.</summary>
    string Describe();
}
