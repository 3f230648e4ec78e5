using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>
/// The whole training path (augmentations, batch norm, residual sums, activations, losses, distillation, optimizer)
/// while another thread collects garbage and runs finalizers without pause. Any TorchSharp call left with an
/// implicitly converted Scalar crashes here or changes the numbers (TorchSharp's BatchNorm did within seconds).
/// </summary>
public sealed class SequentialTrainingUnderCollectionTests
{
    [Fact]
    public async Task Training_under_a_busy_collector_repeats_a_quiet_run_exactly()
    {
        var data = SyntheticFaces.Make(240, seed: 4);
        using var teacher = SyntheticFaces.SmallNet(seed: 5).Compile();
        teacher.Fit(data, epochs: 1, batchSize: 16);
        var quiet = Train(data, teacher);

        IReadOnlyList<double> hammered;
        await using (BusyCollector.Start())
        {
            hammered = Train(data, teacher);
        }

        Assert.Equal(quiet, hammered);
    }

    private static IReadOnlyList<double> Train(LabeledFaces data, Sequential teacher)
    {
        using var model = new Sequential((1, 16, 16), seed: 3)
            .Add(Layers.Conv2D(8, 3, padding: Padding.Same, useBias: false))
            .Add(Layers.BatchNorm())
            .Add(Layers.Activation(ActivationKind.LeakyReLU))
            .Add(Layers.Residual([Layers.Conv2D(8, 3, padding: Padding.Same), Layers.BatchNorm(), Layers.ELU()], null, ActivationKind.ReLU))
            .Add(Layers.MaxPool2D(2))
            .Add(Layers.GlobalAvgPool2D())
            .Add(Layers.Dropout(0.1))
            .Add(Layers.Dense(3));
        model.Compile(
            Optimizers.AdamW(3e-3, weightDecay: 1e-2),
            Losses.DistillFrom(teacher, temperature: 2, weight: 0.5, Losses.CategoricalCrossEntropy(labelSmoothing: 0.1)));
        var augmentation = new AugmentationPipeline(seed: 6)
            .HorizontalFlip()
            .RandomCrop(16, padding: 2)
            .RandomAffine(degrees: 10, scale: (0.9, 1.1))
            .ColorJitter(brightness: 0.2, contrast: 0.2, gamma: 0.1)
            .GaussianNoise()
            .RandomErasing(p: 0.3)
            .Mixup(p: 0.5)
            .CutMix(p: 0.5);
        return model.Fit(data, epochs: 5, batchSize: 8, augmentation: augmentation)["loss"];
    }
}
