namespace Fer.Datasets;

/// <summary>Ready-made augmentation pipelines.</summary>
public static class Augmentations
{
    /// <summary>No augmentation.</summary>
    public static AugmentationPipeline None => new() { Enabled = false };

    /// <summary>
    /// A standard FER2013 recipe: flip, shift by up to 4 pixels, rotation ±10°, zoom 0.9–1.1, brightness and
    /// contrast ±0.2, random erasing (p 0.25).
    /// </summary>
    /// <param name="seed">Seed of the random choices.</param>
    public static AugmentationPipeline Standard(int seed = 0) => new AugmentationPipeline(seed)
        .HorizontalFlip()
        .RandomCrop(48, padding: 4)
        .RandomAffine(degrees: 10, scale: (0.9, 1.1))
        .ColorJitter(brightness: 0.2, contrast: 0.2)
        .RandomErasing(p: 0.25);
}
