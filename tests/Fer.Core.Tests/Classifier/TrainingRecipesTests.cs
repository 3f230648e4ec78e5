namespace Fer.Core.Tests;

/// <summary>The one default recipe that the CLI, the samples and the training script share.</summary>
public sealed class TrainingRecipesTests
{
    [Fact]
    public void The_default_recipe_is_complete_and_follows_its_arguments()
    {
        var options = TrainingRecipes.Default(epochs: 40, seed: 7);
        Assert.Equal(40, options.Epochs);
        Assert.Equal(7, options.Seed);
        Assert.Equal(64, options.BatchSize);
        Assert.Equal(0.1, options.LabelSmoothing);
        Assert.Equal(0.1, options.ValidationSplit);
        Assert.Equal(Architectures.MiniXception, options.Architecture);
        Assert.Equal("Cosine(total=40, min=1E-05, warmup=2)", options.Schedule!.ToString());
        Assert.Equal("Adam(lr=0.001)", options.Optimizer!.ToString());
        Assert.Equal(Fer.Datasets.Augmentations.Standard(7).ToString(), options.Augmentation!.ToString());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Short_runs_warm_up_for_fewer_epochs(int epochs, int warmup)
        => Assert.Equal(warmup, ((CosineSchedule)TrainingRecipes.Default(epochs).Schedule!).WarmupEpochs);

    [Fact]
    public void A_recipe_is_adjusted_with_a_with_expression_and_the_original_stays()
    {
        var recipe = TrainingRecipes.Default();
        var compact = recipe with { Architecture = Architectures.CompactVgg };
        Assert.Equal(Architectures.CompactVgg, compact.Architecture);
        Assert.Equal(Architectures.MiniXception, recipe.Architecture);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingRecipes.Default(0));
    }
}
