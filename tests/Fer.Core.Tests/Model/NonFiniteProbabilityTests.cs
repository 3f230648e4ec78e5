using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>
/// A model whose weights overflow only on some inputs passes the load-time probe of plain images; its NaN
/// probabilities are refused with our exception when they happen, never returned.
/// </summary>
public sealed class NonFiniteProbabilityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The overflowing model saved to a file, as an app would load it.</summary>
    private string Saved()
    {
        var path = _temp.File("overflowing.fer");
        using var built = OverflowingModel.Build();
        built.Save(path);
        return path;
    }

    [Fact]
    public void The_model_loads_and_predicts_ordinary_images()
    {
        var path = Saved();

        using var model = Sequential.Load(path);
        Assert.All(model.Predict(new byte[16]), p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void Sequential_Predict_refuses_a_NaN_probability_naming_the_model()
    {
        var path = Saved();

        using var model = Sequential.Load(path);
        var error = Assert.Throws<FerModelException>(() => model.Predict(OverflowingModel.Pixels()));
        Assert.Contains(path, error.Message);
        Assert.Contains("NaN", error.Message);

        var faces = LabeledFaces.FromPixels([.. new byte[16], .. OverflowingModel.Pixels()], [0, 1], new ImageShape(1, 4, 4), ["a", "b", "c"]);
        Assert.Contains("image 2 of 2", Assert.Throws<FerModelException>(() => model.Predict(faces)).Message);
    }

    [Fact]
    public void The_classifier_refuses_it_with_and_without_test_time_augmentation()
    {
        var path = Saved();

        using var classifier = EmotionClassifier.Load(path);
        using var photo = Photo.FromPixels(OverflowingModel.Pixels(), 4, 4, PhotoPixelFormat.Gray8);
        foreach (var mode in new[] { TestTimeAugmentation.None, TestTimeAugmentation.TenCrop })
        {
            classifier.TestTimeAugmentation = mode;
            var error = Assert.Throws<FerModelException>(() => classifier.Predict(photo));
            Assert.Contains(path, error.Message);
        }
    }
}
