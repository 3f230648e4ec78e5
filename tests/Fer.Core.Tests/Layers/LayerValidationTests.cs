using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class LayerValidationTests
{
    [Fact]
    public void Invalid_configurations_throw_with_the_layer_and_the_value()
    {
        Assert.Contains("Conv2D: filters must be positive, but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => Layers.Conv2D(0)).Message);
        Assert.Contains("Dropout: rate must be in [0, 1), but was 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Layers.Dropout(1.5)).Message);
        Assert.Contains("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => Layers.BatchNorm(momentum: 1)).Message);
        Assert.Contains("body needs at least one layer", Assert.Throws<ArgumentException>(() => Layers.Residual([])).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => Optimizers.Sgd(nesterov: true)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Adam(-1)).Message);
        Assert.Contains("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.CategoricalCrossEntropy(1.2)).Message);
    }

    [Fact]
    public void Dense_on_images_names_expected_and_received_shapes()
    {
        using var model = new Sequential((1, 48, 48)).Add(Layers.Conv2D(4, 3)).Add(Layers.Dense(7));
        var error = Assert.Throws<FerModelException>(() => model.Build());
        Assert.Contains("Layer 2", error.Message);
        Assert.Contains("Dense expected input of shape (None, features) but received (None, 4, 46, 46)", error.Message);
        Assert.Contains("Flatten", error.Message);
    }

    [Fact]
    public void Flattening_more_values_than_an_image_can_hold_is_refused_in_our_words()
    {
        using var model = new Sequential((4096, 4096, 4096)).Add(Layers.Flatten()).Add(Layers.Dense(2));
        var error = Assert.Throws<FerModelException>(() => model.Build());
        Assert.Contains("Layer 1 (Flatten", error.Message);
        Assert.Contains("more than 2,147,483,647 values per image", error.Message);
    }

    [Fact]
    public void A_kernel_larger_than_the_feature_map_is_reported()
    {
        using var model = new Sequential((1, 4, 4)).Add(Layers.Conv2D(4, 5)).Add(Layers.Flatten()).Add(Layers.Dense(2));
        Assert.Contains("expected input of at least 5x5 but received (None, 1, 4, 4)", Assert.Throws<FerModelException>(() => model.Build()).Message);
    }

    [Fact]
    public void Residual_paths_of_different_shapes_are_reported()
    {
        using var model = new Sequential((8, 12, 12)).Add(Layers.Residual([Layers.Conv2D(16, 3, padding: Padding.Same)])).Add(Layers.Flatten()).Add(Layers.Dense(2));
        var error = Assert.Throws<FerModelException>(() => model.Build());
        Assert.Contains("body outputs (None, 16, 12, 12) but the shortcut outputs (None, 8, 12, 12)", error.Message);
    }

    [Fact]
    public void A_model_must_end_with_one_value_per_class()
    {
        using var model = new Sequential((1, 8, 8)).Add(Layers.Conv2D(4, 3));
        Assert.Contains("must end with one value per class", Assert.Throws<FerModelException>(() => model.Build()).Message);
        using var empty = new Sequential((1, 8, 8));
        Assert.Contains("no layers", Assert.Throws<FerModelException>(() => empty.Summary()).Message);
    }

    [Fact]
    public void Layers_cannot_be_added_after_building()
    {
        using var model = new Sequential((1, 8, 8)).Add(Layers.Flatten()).Add(Layers.Dense(2));
        model.Build();
        Assert.Throws<FerModelException>(() => model.Add(Layers.ReLU()));
    }

    [Fact]
    public void Wrong_input_shapes_name_expected_and_received()
    {
        using var model = SyntheticFaces.SmallNet().Compile();
        var wrongSize = LabeledFaces.FromPixels(new byte[2 * 32 * 32], [0, 1], new ImageShape(1, 32, 32), SyntheticFaces.Classes);
        var error = Assert.Throws<FerModelException>(() => model.Fit(wrongSize));
        Assert.Contains("expected images of shape (1, 16, 16)", error.Message);
        Assert.Contains("(1, 32, 32)", error.Message);

        Assert.Contains("expected 256 pixels", Assert.Throws<FerModelException>(() => model.Predict(new byte[100])).Message);

        var sevenClasses = LabeledFaces.FromPixels(new byte[2 * 16 * 16], [0, 6], new ImageShape(1, 16, 16));
        Assert.Contains("outputs (None, 3) but train has 7 classes", Assert.Throws<FerModelException>(() => model.Fit(sevenClasses)).Message);

        using var scope = TorchSharp.torch.NewDisposeScope();
        var missingChannel = TorchSharp.torch.zeros(4, 16, 16);
        Assert.Contains("expected input of shape (N, 1, 16, 16) but received (4, 16, 16). Add a channel dimension", Assert.Throws<FerModelException>(() => model.ForwardProbabilities(missingChannel)).Message);
    }

    [Fact]
    public void Fit_before_compile_says_how_to_fix_it()
    {
        using var model = SyntheticFaces.SmallNet();
        Assert.Contains("Call model.Compile", Assert.Throws<FerModelException>(() => model.Fit(SyntheticFaces.Make(6, 1))).Message);
    }
}
