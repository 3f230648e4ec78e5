using Fer.Core;
using Fer.Core.Tests;
using Fer.Datasets;

namespace Fer.Onnx.Tests;

/// <summary>ONNX Runtime refuses NaN probabilities as Fer.Core does: a model that overflows on some inputs only.</summary>
public sealed class OnnxNonFiniteProbabilityTests
{
    [Fact]
    public void A_NaN_probability_is_refused_naming_the_model()
    {
        var folder = Directory.CreateTempSubdirectory("fer-onnx-nan-");
        try
        {
            var path = Path.Combine(folder.FullName, "overflowing.onnx");
            using (var model = OverflowingModel.Build())
            {
                model.ExportOnnx(path);
            }

            using var classifier = OnnxEmotionClassifier.Load(path);
            using var ordinary = Photo.FromPixels(new byte[16], 4, 4, PhotoPixelFormat.Gray8);
            Assert.Equal("a", classifier.Predict(ordinary).Label);

            using var photo = Photo.FromPixels(OverflowingModel.Pixels(), 4, 4, PhotoPixelFormat.Gray8);
            var error = Assert.Throws<FerModelException>(() => classifier.Predict(photo));
            Assert.Contains(path, error.Message);
            Assert.Contains("NaN", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
